import { spawnSync } from 'node:child_process';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { chainedLine, verifyAuditLog } from '../../core/audit-chain.js';
import { InputError } from '../../core/errors.js';

/**
 * The JSON Lines audit log: one entry per decision, chained by hash to the one before and, when
 * STEER_SIGNING_KEY is set, signed with it (core/audit-chain.ts). The log lives where a pull
 * request could plant a file (`.steer/audit.jsonl` in the checkout), so nothing planted is used:
 * no path component inside the workspace may be a symbolic link, the file itself is opened with
 * O_NOFOLLOW, a file git tracks (it came with the checkout) is refused, and so is a log whose
 * chain is already broken (its signatures are checked by `steer audit verify`).
 */

/** The same key the PR gate signs its checks with. Read here so that every writer of the log signs. */
const signingKey = (): string | undefined => process.env.STEER_SIGNING_KEY || undefined;

/** Appends one decision to the audit log and echoes it to the CI log (stderr). */
export function appendAudit(file: string, entry: Record<string, unknown>, workspace: string = process.cwd()): void {
  const path = resolve(workspace, file);
  const fail = (why: string): never => {
    throw new InputError(file, `refusing to write the audit log: ${why}`);
  };
  refuseLinksInside(workspace, path, fail);
  let fd: number;
  try {
    mkdirSync(dirname(path), { recursive: true });
    refuseLinksInside(workspace, path, fail); // the directories just made, checked again
    fd = openSync(path, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ELOOP' ? 'it is a symbolic link (a pull request could plant one)' : `cannot open it (${code ?? 'error'})`);
  }
  let line: string;
  try {
    if (!fstatSync(fd).isFile()) fail('it is not a regular file');
    const existing = readFileSync(fd, 'utf8');
    if (trackedByGit(path)) fail('git tracks it, so it came with the checkout (a pull request could have seeded it); remove it from the repository or give --audit-log outside the workspace');
    const key = signingKey();
    // The links only: signatures are `steer audit verify`'s to check (a rotated key must not stop every apply).
    const verdict = verifyAuditLog(existing);
    if (!verdict.ok) fail(`its entry ${verdict.entry} is bad (${verdict.problem}); see steer audit verify`);
    const lines = existing === '' ? [] : existing.slice(0, -1).split('\n');
    line = chainedLine(lines[lines.length - 1], entry, key);
    writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
  process.stderr.write(`steer audit: ${line}\n`);
}

/** Each existing component of `path` below `workspace` (the workspace itself excluded) must not be a symbolic link. */
function refuseLinksInside(workspace: string, path: string, fail: (why: string) => never): void {
  const rel = relative(resolve(workspace), path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return; // outside the workspace: the file itself is opened with O_NOFOLLOW
  let at = resolve(workspace);
  for (const part of rel.split(sep)) {
    at = resolve(at, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return; // not there yet: made by mkdir, then checked again
    }
    if (isLink) fail(`${relative(resolve(workspace), at)} is a symbolic link (a pull request could plant one)`);
  }
}

/** Whether git tracks the file (false when git or a repository isn't there: then no checkout put it there). */
function trackedByGit(path: string): boolean {
  const r = spawnSync('git', ['ls-files', '--error-unmatch', '--', path], { cwd: dirname(path), stdio: 'ignore' });
  return r.status === 0;
}

/** The log's text, for verification (refusing a symbolic link here too: what it points to is not the log). */
export function readAuditLog(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ELOOP' ? 'the audit log is a symbolic link' : code === 'ENOENT' ? 'no such audit log' : `cannot read the audit log (${code ?? 'error'})`);
  }
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export { signingKey as auditSigningKey };
