import { nameGlob } from '../core/glob.js';
import { interpreterCode, interpreterFlags, stringLiterals } from './invocation.js';
import { holdsProtected, protectedFile, PROTECTED_PATHS } from './protected-paths.js';
import { posix } from 'node:path';
import type { ParsedCommand } from './parse.js';
import { programName, UNKNOWN, type Arg } from './words.js';

/**
 * The files a shell command writes, deletes, moves or changes the mode of — the shell's side of
 * self-protection (the file tools' side is in app/guard.ts): `rm`, `mv`, `cp`, `ln`, `install`,
 * `rsync`, `sed -i`, `tee`, `truncate`, `dd of=`, `chmod`, editors, `git checkout|restore|rm|mv|clean`,
 * `find -delete`, and inline code that opens one for writing. Words known only at run time are
 * not paths anyone can check (`rm "$F"`). Redirections (`> file`) are the parser's to report.
 */

/** A path the command writes; `tree` when everything under it goes too (`rm -r`, `mv`, `git clean`). */
interface Written {
  readonly path: string;
  readonly tree: boolean;
}

const plain = (args: readonly Arg[]): string[] => args.filter((a): a is string => a !== UNKNOWN);
/** Operands: the words that aren't options (after `--`, every word is one). */
function operands(args: readonly Arg[]): string[] {
  const out: string[] = [];
  let options = true;
  for (const a of plain(args)) {
    if (options && a === '--') options = false;
    else if (!options || !a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

const DELETERS = new Set(['rm', 'unlink', 'shred', 'srm', 'rmdir', 'trash', 'trash-put', 'gio']);
const COPIERS = new Set(['cp', 'install', 'ln', 'rsync', 'scp', 'ditto']);
const EDITORS = new Set(['vi', 'vim', 'nvim', 'ex', 'ed', 'nano', 'emacs', 'sponge', 'tee', 'truncate', 'touch']);
const MODE_CHANGERS = new Set(['chmod', 'chown', 'chgrp', 'chattr', 'setfacl']);
const GIT_WRITES = new Set(['checkout', 'restore', 'rm', 'mv', 'clean', 'reset', 'stash']);
/** PowerShell's cmdlets and aliases that delete, write or move files (Copilot's powershell tool, `pwsh -c`). */
const POWERSHELL_WRITES = new Set(['remove-item', 'ri', 'del', 'erase', 'rd', 'set-content', 'sc', 'add-content', 'ac', 'clear-content', 'clc', 'out-file', 'new-item', 'ni', 'rename-item', 'ren', 'rni', 'move-item', 'mi', 'move', 'copy-item', 'cpi', 'copy']);

function written(argv: readonly Arg[]): Written[] {
  const name = programName(argv[0]!);
  const args = argv.slice(1);
  const words = plain(args);
  const ops = operands(args);
  if (typeof name !== 'string') return [];
  if (POWERSHELL_WRITES.has(name.toLowerCase())) return ops.map((path) => ({ path, tree: true })); // -Path, -Destination: every operand
  if (DELETERS.has(name)) return ops.filter((o) => !(name === 'gio' && o === 'trash')).map((path) => ({ path, tree: true }));
  if (name === 'mv') return ops.map((path) => ({ path, tree: true })); // the sources go, the target is overwritten
  if (COPIERS.has(name)) {
    const target = words.find((w, i) => words[i - 1] === '-t' || w.startsWith('--target-directory='))?.replace(/^--target-directory=/, '');
    const dest = target ?? ops.at(-1);
    if (dest === undefined) return [];
    const sources = target ? ops : ops.slice(0, -1);
    // Into a directory, each source lands under its own name; a recursive copy may put anything under
    // the target (`cp -r template/. .`), and `rsync --delete` also removes what is there.
    const recursive = words.some((w) => /^-[a-zA-Z]*[rRa]/.test(w) || w === '--recursive' || w === '--archive' || w.startsWith('--delete'));
    return [{ path: dest, tree: recursive && name !== 'ln' && name !== 'install' }, ...sources.map((s) => ({ path: `${dest}/${s.replace(/\/+$/, '').split('/').pop()}`, tree: false }))];
  }
  if (EDITORS.has(name)) return (name === 'truncate' ? ops.filter((o) => !/^\d+[KMG]?$/.test(o)) : ops).map((path) => ({ path, tree: false }));
  if (MODE_CHANGERS.has(name)) {
    // The mode or owner comes first, and a mode may look like an option (`chmod -x f`, `chmod -w f`).
    const given = words.filter((w) => !/^(-[Rvcfh]+|--(?!reference).*)$/.test(w));
    return given.slice(name === 'setfacl' || name === 'chattr' ? 0 : 1).map((path) => ({ path, tree: false }));
  }
  // `npm pkg set scripts.deploy=…`, `npm set-script`: package.json
  if (name === 'npm' && ((ops[0] === 'pkg' && ['set', 'delete', 'fix'].includes(ops[1] ?? '')) || ops[0] === 'set-script')) return [{ path: 'package.json', tree: false }];
  if (name === 'dd') return words.filter((w) => w.startsWith('of=')).map((w) => ({ path: w.slice(3), tree: false }));
  if ((name === 'sed' || name === 'perl' || name === 'ruby') && words.some((w) => /^-[a-zA-Z]*i/.test(w) || w.startsWith('--in-place'))) {
    // sed's first operand is its script unless -e/-f gave it; perl's and ruby's code is -e's value.
    const script = name === 'sed' && !words.includes('-e') && !words.includes('-f') ? 1 : 0;
    return ops.filter((o, i) => i >= script && !(name !== 'sed' && words[words.indexOf(o) - 1] === '-e')).map((path) => ({ path, tree: false }));
  }
  if (name === 'yq' && words.some((w) => w === '-i' || w === '--inplace' || /^-[a-zA-Z]*i$/.test(w))) return ops.slice(1).map((path) => ({ path, tree: false }));
  if (name === 'git') {
    // The subcommand is the first word after git's own options (`git -C dir rm x`).
    let i = 0;
    while (i < args.length && typeof args[i] === 'string' && (args[i] as string).startsWith('-')) i += ['-C', '-c', '--git-dir', '--work-tree', '--namespace'].includes(args[i] as string) ? 2 : 1;
    const sub = args[i];
    if (typeof sub !== 'string' || !GIT_WRITES.has(sub)) return [];
    // rm, mv and clean take directories with everything under them; checkout, restore, reset and stash only put back what was committed.
    return operands(args.slice(i + 1)).map((path) => ({ path, tree: sub === 'rm' || sub === 'mv' || sub === 'clean' }));
  }
  return [];
}

/** `find START… -delete` or `-exec rm {}`: the start directories, and what its -name/-path tests pick under them. */
function findDeletes(argv: readonly Arg[]): { starts: string[]; patterns: string[] } | undefined {
  if (programName(argv[0]!) !== 'find') return undefined;
  const words = plain(argv.slice(1));
  const exec = words.findIndex((w, i) => ['-exec', '-execdir', '-ok', '-okdir'].includes(words[i - 1] ?? '') && written([w, 'x']).length > 0);
  if (!words.includes('-delete') && exec < 0) return undefined;
  const firstTest = words.findIndex((w) => w.startsWith('-') || w === '(' || w === '!');
  const starts = (firstTest < 0 ? words : words.slice(0, firstTest)).filter((w) => !w.startsWith('-'));
  const patterns = words.filter((_w, i) => ['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename'].includes(words[i - 1] ?? ''));
  return { starts: starts.length > 0 ? starts : ['.'], patterns };
}

/** Code that writes files (open for writing, write/remove/rename calls), in the languages the guard reads inline. */
const WRITES_IN_CODE = /\bopen\s*\([^)]*,\s*['"][^'"]*[wax+]|\.write(?:_text|_bytes)?\s*\(|\b(?:writeFile|appendFile|rm|rmdir|unlink|rename|copyFile|cp|truncate|chmod|symlink)(?:Sync)?\s*\(|\bos\.(?:remove|unlink|rename|replace|truncate|chmod|symlink|rmdir)\b|\bshutil\.(?:rmtree|move|copy\w*)\b|\bFile\.(?:write|delete|rename|open\s*\([^)]*['"][wa])|\bFileUtils\.|\bunlink\s*\(|\bSet-Content\b|\bRemove-Item\b|\bOut-File\b|\bMove-Item\b|\bCopy-Item\b/;

/** Inline code (`python3 -c`, `node -e`…) that writes and names a protected file. */
function codeWrites(argv: readonly Arg[]): Written[] {
  const name = programName(argv[0]!);
  const flags = typeof name === 'string' ? interpreterFlags(name) : undefined;
  if (!flags || flags.length === 0) return [];
  const code = interpreterCode(argv, flags);
  if (typeof code !== 'string' || !WRITES_IN_CODE.test(code)) return [];
  return stringLiterals(code).map((path) => ({ path, tree: /rmtree|rmSync|recursive|Remove-Item/.test(code) }));
}

/**
 * Why this command writes a file that switches the guard or the gate off, or undefined. `dir` is
 * where it runs (relative to `cwd`).
 */
export function selfEditOf(argv: readonly Arg[], dir: string, cwd: string): string | undefined {
  const base = baseOf(dir, cwd);
  for (const w of [...written(argv), ...codeWrites(argv)]) {
    const what = protectedFile(w.path, base) ?? (w.tree ? holdsProtected(w.path, base) : undefined);
    if (what) return `it would change ${w.path}, ${what}`;
  }
  const find = findDeletes(argv);
  if (find) {
    for (const start of find.starts) {
      const what = protectedFile(start, base) ?? holdsProtected(start, base);
      if (what === undefined) continue;
      // Under the project (or a directory of one), a test that picks a protected file's name deletes it.
      // (`*` and `?` don't match a leading dot, as find's -name doesn't either.)
      const names = (p: string) => PROTECTED_PATHS.some((e) => !e.failsClosed && e.path.split('/').some((seg) => nameGlob(p).test(seg) && !(/^[*?]/.test(p) && seg.startsWith('.'))));
      const picked = find.patterns.length === 0 || protectedFile(start, base) !== undefined || find.patterns.some((p) => names(p.split('/').pop()!) || /steer/i.test(p));
      if (picked) return `it would delete files under ${start}, ${what}`;
    }
  }
  return undefined;
}

/** Where a statement run in `dir` (relative to the command's start, '' = there) resolves relative paths. */
const baseOf = (dir: string, cwd: string): string => (dir === '' ? cwd : `${cwd.replace(/\/+$/, '')}/${dir}`);

/**
 * The denial of a redirection or here-doc that writes a protected file (`> .claude/settings.json`),
 * or undefined. A relative path is held against every directory the text's commands run in, not
 * only the statement's own: the two parsers attach `a && b > f`'s redirection at different depths.
 */
export function redirectSelfEdit(parsed: Pick<ParsedCommand, 'writes' | 'dirs'>, cwd: string): string | undefined {
  const dirs = [...new Set(['', ...parsed.dirs.filter((d): d is string => typeof d === 'string')])];
  for (const w of parsed.writes) {
    if (typeof w.path !== 'string') continue; // `> "$F"`: unknowable, like any writer's unknown operand
    for (const dir of typeof w.dir === 'string' ? [w.dir, ...dirs] : dirs) {
      const what = protectedFile(w.path, baseOf(dir, cwd));
      if (what) return `it would change ${w.path}, ${what}`;
    }
  }
  return undefined;
}

/** Project files that task runners read their tasks from. */
const TASK_FILES = /(^|\/)((GNU)?[Mm]akefile|[^/]*\.mk|package\.json|\.?[Jj]ustfile|JUSTFILE|[Tt]askfile(\.dist)?\.ya?ml|deno\.jsonc?)$/;
const TASK_RUNNERS = new Set(['make', 'gmake', 'npm', 'yarn', 'pnpm', 'bun', 'just', 'task', 'go-task', 'deno']);

/**
 * A script or task file that this very command line rewrites before running it — by a program
 * the shell walk doesn't count as a writer (`python3 -c "open('deploy.sh','w')…"`, `git checkout
 * other -- deploy.sh`, `yq -i`, `ed`): what runs can't be known now. (Redirections and `cp`/`sed -i`
 * onto a script are the walk's own.)
 */
export function rewrittenAndRun(parsed: Pick<ParsedCommand, 'commands' | 'dirs' | 'scripts'>): string | undefined {
  const at = (dir: unknown, path: string) => posix.normalize(posix.join('/', typeof dir === 'string' ? dir : '', path));
  const writes = new Set(parsed.commands.flatMap((argv, i) => [...written(argv), ...codeWrites(argv)].map((w) => at(parsed.dirs[i], w.path))));
  if (writes.size === 0) return undefined;
  const script = parsed.scripts.find((s) => !s.dir.startsWith('\u0000') && writes.has(at(s.dir, s.path)));
  if (script) return `it runs ${script.path}, which it also rewrites, so what runs cannot be checked before it runs`;
  const runsTasks = parsed.commands.some((argv) => TASK_RUNNERS.has(String(programName(argv[0]!))));
  const taskFile = [...writes].find((w) => TASK_FILES.test(w));
  return runsTasks && taskFile ? `it runs tasks from ${taskFile.slice(1)}, which it also rewrites, so what runs cannot be checked before it runs` : undefined;
}
