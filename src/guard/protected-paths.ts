import { isAbsolute, posix } from 'node:path';

/**
 * Files that decide whether the guard or the gate runs: an agent that writes them is switching
 * Steer off. One list for every way of writing a file — the file tools of each runtime here, and
 * the shell's writers (`sed -i`, `>`, `cp`, `rm`, `git checkout --`) in the shell decision.
 *
 * Each entry is a path relative to any directory (so `~/.claude/settings.json` counts as well as
 * the project's own); `dir` entries protect everything under them. Matched case-insensitively:
 * macOS and Windows file systems are.
 */
export interface ProtectedPath {
  readonly path: string;
  readonly dir?: true;
  /** What the file does, for the denial: "… is <what>". */
  readonly what: string;
  /**
   * Removing it only stops every hook (they run it, and fail closed): deleting a directory that
   * holds it (`rm -rf node_modules`) is not switching the guard off. Writing it still is.
   */
  readonly failsClosed?: true;
}

export const PROTECTED_PATHS: readonly ProtectedPath[] = [
  { path: '.claude/settings.json', what: "Claude Code's settings, where the Steer hook is registered" },
  { path: '.claude/settings.local.json', what: "Claude Code's local settings, which can override the Steer hook" },
  { path: '.codex', dir: true, what: "Codex's configuration, where the Steer hook is registered" },
  { path: '.cursor/hooks.json', what: "Cursor's hook configuration, where the Steer hook is registered" },
  { path: '.gemini/settings.json', what: "Gemini CLI's settings, where the Steer hook is registered" },
  { path: '.gemini/trustedFolders.json', what: "Gemini CLI's trusted folders (it ignores the project's hooks in a folder it doesn't trust)" },
  { path: '.github/hooks', dir: true, what: "GitHub Copilot's hook configuration, where the Steer hook is registered" },
  { path: '.copilot/hooks', dir: true, what: "GitHub Copilot CLI's user-level hooks" },
  { path: '.copilot/config.json', what: "GitHub Copilot CLI's configuration, with the trusted folders whose hooks it loads" },
  { path: '.kiro', dir: true, what: "Kiro's hooks and agents, where the Steer hook is registered" },
  { path: '.openclaw', dir: true, what: "OpenClaw's configuration and plugins, where the Steer plugin lives" },
  { path: 'steer.yml', what: "Steer's policy" },
  { path: '.steer.yml', what: "Steer's policy" },
  { path: 'steer.yaml', what: "Steer's policy" },
  { path: '.steer.yaml', what: "Steer's policy" },
  { path: 'node_modules/steer', dir: true, what: 'the installed Steer that the hooks run', failsClosed: true },
  { path: 'node_modules/@steer-gate/cli', dir: true, what: 'the installed Steer that the hooks and the gate run', failsClosed: true },
  { path: 'node_modules/.bin/steer', what: 'the installed Steer that the hooks run', failsClosed: true },
];

/** The way through for a denied edit of one of these files. */
export const SELF_EDIT_WAY =
  'Steer: the hook configuration, the Steer policy and the gate workflows are changed by a human, not by an agent. Say what should change and why, and let a human make the change in a reviewed pull request.';

/** The PR gate and apply workflows: `steer init --ci github` writes .github/workflows/steer.yml and steer-apply.yml; any workflow named for Steer counts. */
const STEER_WORKFLOW = /(^|\/)\.github\/workflows\/[^/]*steer[^/]*$/;

/** What `file` is when it is one of the protected files (resolved against `cwd`), or undefined. */
export function protectedFile(file: string, cwd: string): string | undefined {
  const path = normalized(file, cwd);
  if (STEER_WORKFLOW.test(path)) return 'a Steer gate or apply workflow';
  const segments = path.split('/');
  for (const p of PROTECTED_PATHS) {
    const entry = p.path.toLowerCase().split('/');
    for (let i = 0; i + entry.length <= segments.length; i++) {
      if (!entry.every((e, j) => segments[i + j] === e)) continue;
      if (i + entry.length === segments.length || p.dir) return p.what;
    }
  }
  return undefined;
}

/**
 * What protected files a directory holds, when deleting or moving it with everything under it
 * takes them along (`rm -rf .claude`, `mv .github x`, `rm -rf .` in the project): a directory
 * that ends in the first part of a protected path, the workflows directory, or the working
 * directory itself and those above it. Directories that hold only the installed Steer don't count
 * (without it every hook fails closed).
 */
export function holdsProtected(dir: string, cwd: string): string | undefined {
  const path = normalized(dir, cwd);
  const here = normalized('.', cwd);
  if (path === here || here.startsWith(`${path}/`)) return 'the project directory, which holds the hook configuration and steer.yml';
  const segments = path.split('/');
  if (/(^|\/)\.github(\/workflows)?$/.test(path)) return 'the directory of the Steer gate and apply workflows';
  for (const p of PROTECTED_PATHS) {
    if (p.failsClosed) continue;
    const entry = p.path.toLowerCase().split('/');
    for (let k = 1; k < entry.length; k++) {
      if (entry.slice(0, k).every((e, j) => segments[segments.length - k + j] === e)) return `the directory of ${p.path}, ${p.what}`;
    }
  }
  return undefined;
}

/** Forward slashes, lower case, `.` and `..` resolved, absolute when `cwd` is. */
function normalized(file: string, cwd: string): string {
  const slashed = file.replace(/\\/g, '/');
  const absolute = isAbsolute(slashed) || /^[a-z]:\//i.test(slashed) ? slashed : `${cwd.replace(/\\/g, '/')}/${slashed}`;
  return posix.normalize(absolute).replace(/\/+$/, '').toLowerCase();
}
