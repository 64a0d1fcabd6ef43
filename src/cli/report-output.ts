import { Option, type Command } from 'commander';
import { writeOutputChunks, writeStdoutChunks } from '../adapters/fs/write-output.js';
import type { Report } from '../core/report.js';
import { renderJsonChunks } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { VERDICT_TITLES } from '../render/summary.js';
import { renderText } from '../render/text.js';
import { exitCodeForVerdict } from './exit-codes.js';
import { STEER_VERSION } from './version.js';

export interface ReportOutputOptions {
  format: 'text' | 'json' | 'markdown' | 'sarif';
  out?: string;
  color: boolean;
}

/** The options every analyzing command shares: --format, --out, --no-color. */
export function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'sarif']).default('text'))
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)');
}

/** Prints or writes the report and sets the exit code from the verdict. */
export async function emitReport(report: Report, opts: ReportOutputOptions): Promise<void> {
  const color = opts.color && opts.out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
  // JSON is written a change at a time: a report on a huge plan is never one string in memory.
  const chunks: Iterable<string> =
    opts.format === 'json' ? renderJsonChunks(report, STEER_VERSION) : [await single(report, opts.format, color)];
  if (opts.out !== undefined) {
    await writeOutputChunks(opts.out, chunks);
    process.stderr.write(`steer: ${VERDICT_TITLES[report.verdict]} (digest ${report.digest}); report written to ${opts.out}\n`);
  } else {
    await writeStdoutChunks(chunks);
  }
  process.exitCode = exitCodeForVerdict(report.verdict);
}

async function single(report: Report, format: 'text' | 'markdown' | 'sarif', color: boolean): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif': {
      const { renderSarif } = await import('../render/sarif.js'); // the SARIF builder only when asked for
      return renderSarif(report, STEER_VERSION);
    }
    case 'text':
      return renderText(report, { color });
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}
