import { Readable } from 'node:stream';
import Assembler from 'stream-json/assembler.js';
import { parser } from 'stream-json';
import { InputError } from '../../core/errors.js';
import type { Plan } from '../../core/model.js';
import type { TerraformContext } from './normalize.js';
import { ResourceChangeCollector } from './normalize.js';
import { checkEnvelope, finishPlan } from './parse.js';
import { CONFIGURATION_PATH, ENVELOPE_KEYS } from './read-paths.js';
import { own } from './values.js';

/**
 * Streams a Terraform JSON plan that may be far larger than a JavaScript string can hold
 * (V8 stops at ~512 MB). Only what Steer reads is assembled: each `resource_changes` entry on
 * its own (validated, normalized, hashed, then dropped), the small top-level fields, and
 * `configuration.root_module.variables`; `planned_values`, `prior_state` and the rest of
 * `configuration` are skipped token by token. The result is identical to `parseTerraformPlan`.
 */

// The parser's own token type is a closed union; we only read name and value.
type Token = Parameters<Assembler['consume']>[0] & { value?: unknown };
type Step = string | number;

type Decision = 'collect' | 'descend' | 'skip';

function decide(path: readonly Step[]): Decision {
  const [top, second, third] = path;
  if (path.length === 1) {
    if (top === 'resource_changes' || top === CONFIGURATION_PATH[0]) return 'descend';
    return typeof top === 'string' && ENVELOPE_KEYS.has(top) ? 'collect' : 'skip';
  }
  if (top === 'resource_changes') return path.length === 2 ? 'collect' : 'skip';
  if (top === CONFIGURATION_PATH[0]) {
    if (path.length === 2) return second === CONFIGURATION_PATH[1] ? 'descend' : 'skip';
    if (path.length === 3) return third === CONFIGURATION_PATH[2] ? 'collect' : 'skip';
  }
  return 'skip';
}

export async function streamTerraformPlan(input: Readable | AsyncIterable<Buffer>, ctx: TerraformContext): Promise<Plan> {
  const collected = new ResourceChangeCollector(ctx.path, own);
  const envelope: Record<string, unknown> = {};
  let configurationVariables: unknown;

  // Frames of the containers we descend into: their path and the key/index of the next value.
  // Objects also keep their keys: a key Terraform writes once must not appear twice (the
  // in-memory reader refuses that too; JSON.parse would silently keep the last).
  const frames: { path: Step[]; kind: 'object' | 'array'; next: Step; keys?: Set<string> }[] = [];
  let assembler: Assembler | undefined;
  let assembling: Step[] = [];
  let skipDepth = 0;
  let sawRoot = false;
  let rootDone = false;

  const onValue = (path: readonly Step[], value: unknown): void => {
    if (path.length === 1 && path[0] === 'resource_changes') throw new InputError(ctx.path, 'not a valid Terraform plan: resource_changes: expected an array');
    if (path[0] === 'resource_changes') collected.add(value);
    else if (path[0] === 'configuration') configurationVariables = value;
    else envelope[path[0] as string] = value;
  };

  const bytes = input instanceof Readable ? input : Readable.from(input);
  let inputEnded = false; // a parse error after the last byte means the document was cut short
  bytes.once('end', () => (inputEnded = true));
  const tokens = bytes.pipe(parser.asStream({ streamValues: false }));
  try {
    for await (const token of tokens as AsyncIterable<Token>) {
      if (assembler) {
        assembler.consume(token);
        if (assembler.done) {
          onValue(assembling, assembler.current);
          assembler = undefined;
          afterValue();
        }
        continue;
      }
      if (skipDepth > 0) {
        if (token.name === 'startObject' || token.name === 'startArray') skipDepth += 1;
        else if (token.name === 'endObject' || token.name === 'endArray') skipDepth -= 1;
        if (skipDepth === 0) afterValue();
        continue;
      }
      if (rootDone) throw new InputError(ctx.path, 'not valid JSON: data after the plan object');
      if (!sawRoot) {
        if (token.name !== 'startObject') throw new InputError(ctx.path, 'not a valid Terraform plan: expected a JSON object');
        sawRoot = true;
        frames.push({ path: [], kind: 'object', next: '', keys: new Set() });
        continue;
      }
      const frame = frames[frames.length - 1]!;
      if (token.name === 'keyValue') {
        const key = token.value as string;
        if (frame.keys?.has(key)) {
          const where = frame.path.length === 0 ? '' : ` in ${frame.path.join('.')}`;
          throw new InputError(ctx.path, `not a valid Terraform plan: duplicate key "${key}"${where}`);
        }
        frame.keys?.add(key);
        frame.next = key;
        continue;
      }
      if (token.name === 'endObject' || token.name === 'endArray') {
        frames.pop();
        if (frames.length === 0) rootDone = true;
        else afterValue();
        continue;
      }
      const path = [...frame.path, frame.next];
      const isContainer = token.name === 'startObject' || token.name === 'startArray';
      switch (decide(path)) {
        case 'collect':
          if (!isContainer) {
            onValue(path, scalar(token));
            afterValue();
          } else {
            assembler = new Assembler();
            assembling = path;
            assembler.consume(token);
          }
          break;
        case 'descend':
          if (isContainer) frames.push(token.name === 'startArray' ? { path, kind: 'array', next: 0 } : { path, kind: 'object', next: 0, keys: new Set() });
          else onValue(path, scalar(token)); // a scalar where a container belongs: let validation say so
          if (!isContainer) afterValue();
          break;
        case 'skip':
          if (isContainer) skipDepth = 1;
          else afterValue();
          break;
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    const truncated = inputEnded ? ' — the file may be truncated' : '';
    throw new InputError(ctx.path, `not valid JSON (${message})${truncated}`);
  }
  if (!rootDone) throw new InputError(ctx.path, 'not valid JSON (unexpected end of input) — the file looks truncated');

  if (configurationVariables !== undefined) envelope.configuration = { root_module: { variables: configurationVariables } };
  return finishPlan(checkEnvelope(envelope, ctx), collected, ctx);

  /** After a value in an array, the next one has the next index. */
  function afterValue(): void {
    const frame = frames[frames.length - 1];
    if (frame?.kind === 'array') frame.next = (frame.next as number) + 1;
  }
}

function scalar(token: Token): unknown {
  switch (token.name) {
    case 'stringValue':
      return token.value;
    case 'numberValue':
      return Number(token.value);
    case 'nullValue':
      return null;
    case 'trueValue':
      return true;
    case 'falseValue':
      return false;
    default:
      return undefined;
  }
}
