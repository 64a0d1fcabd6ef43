import { nameGlob } from '../core/glob.js';
import { programName, show, UNKNOWN, type Arg, type ParsedCommand } from './parse.js';
import { DENY_RULES, RISKY_VERBS, type CommandRule } from './rules.js';

export interface Decision {
  readonly decision: 'allow' | 'deny';
  readonly reason: string;
  /** The simple commands found, as text (for logs and tests). */
  readonly commands: readonly string[];
}

export interface GuardLists {
  /** Extra denied command prefixes from steer.yml, e.g. "kubectl delete", "helm uninstall *". */
  readonly deny: readonly string[];
  /** Allowed command prefixes that win over the built-in denials, e.g. "terraform apply -target=module.sandbox*". */
  readonly allow: readonly string[];
}

export const NO_LISTS: GuardLists = { deny: [], allow: [] };

/**
 * The parsed command line → allow or deny. Deny by default: a problem (unparsable text, code
 * built at run time) denies, and so does any one command that a rule or guard.deny matches.
 */
export function decide(parsed: ParsedCommand, lists: GuardLists): Decision {
  const commands = parsed.commands.map(show);
  if (parsed.problems.length > 0) return { decision: 'deny', reason: parsed.problems[0]!, commands };
  for (const argv of parsed.commands) {
    const why = denial(argv, lists);
    if (why) return { decision: 'deny', reason: why, commands };
  }
  return { decision: 'allow', reason: 'no direct infrastructure mutation found', commands };
}

/** Why this one command is denied, or undefined. */
function denial(argv: readonly Arg[], lists: GuardLists): string | undefined {
  const name = programName(argv[0]!);
  const words = [name === UNKNOWN ? '$?' : name, ...argv.slice(1).map((a) => (a === UNKNOWN ? '$?' : a))];
  if (lists.allow.some((p) => wholeMatches(p, words))) return undefined;
  const configured = lists.deny.find((p) => prefixMatches(p, words));
  if (configured) return `"${show(argv)}" is denied by steer.yml (guard.deny: ${configured})`;
  if (name === UNKNOWN) {
    // `$T apply`, `$(which terraform) apply`: the program is unknowable; a mutating verb decides.
    const risky = words.slice(1).find((w) => RISKY_VERBS.some((verb) => nameGlob(verb).test(w)));
    return risky ? `the program of "${show(argv)}" cannot be known before running, and "${risky}" may mutate infrastructure` : undefined;
  }
  const rule = DENY_RULES.find((r) => r.programs.includes(name));
  if (!rule) return undefined;
  // Help changes nothing (`terraform apply -help`, `aws s3 rm help`); nor do a rule's dry-run options.
  const plain = argv.slice(1).filter((a): a is string => typeof a === 'string');
  if (plain.some((a) => HELP.has(a)) || (name === 'aws' && plain.at(-1) === 'help') || (rule.safeWith ?? []).some((safe) => hasWords(plain, safe.split(' ')))) return undefined;
  if (name === 'aws' && s3DownloadOnly(plain)) return undefined;
  // `terraform init -migrate-state` / `-force-copy` moves state to another backend.
  if (rule.programs.includes('terraform') && plain.includes('init') && plain.some((a) => a === '-migrate-state' || a === '-force-copy')) return `"${show(argv)}" moves the state to another backend`;
  const path = subcommandPath(argv.slice(1), rule);
  if (rule.allow?.some((a) => a.every((pattern, i) => typeof path[i] === 'string' && nameGlob(pattern).test(path[i] as string)))) return undefined;
  // An unknown word may be any subcommand: it matches every denied one in its place.
  const denied = rule.deny.find((d) => d.every((pattern, i) => path[i] === UNKNOWN || (typeof path[i] === 'string' && nameGlob(pattern).test(path[i] as string))));
  if (!denied) {
    // An option we don't know to take a value may have shifted the subcommand (`cdk --newflag x deploy`):
    // a one-word denied verb among the positionals still denies.
    const verb = subcommandPath(argv.slice(1), rule, Infinity).find((w): w is string => typeof w === 'string' && rule.deny.some((d) => d.length === 1 && nameGlob(d[0]!).test(w)));
    return verb ? `"${show(argv)}": "${verb}" among its first words may be the ${name} subcommand, which ${rule.why}` : undefined;
  }
  return path.some((w) => w === UNKNOWN) ? `"${show(argv)}": the ${name} subcommand cannot be known before running, and it may be "${denied.join(' ')}"` : `"${show(argv)}" ${rule.why}`;
}

/** Help flags anywhere (and, for aws, `help` as the last word: `aws s3 rm help`): nothing runs. */
const HELP = new Set(['-h', '--help', '-help']);

/** `words` contains `seq` as consecutive words. */
function hasWords(words: readonly string[], seq: readonly string[]): boolean {
  return words.some((_w, i) => seq.every((s, j) => words[i + j] === s));
}

/** `aws s3 sync s3://bucket ./dir` (and cp/mv down): only local files change. */
function s3DownloadOnly(words: readonly string[]): boolean {
  const positional = words.filter((w) => !w.startsWith('-'));
  if (positional[0] !== 's3' || !['sync', 'cp'].includes(positional[1] ?? '')) return false;
  const target = positional.at(-1) ?? '';
  return positional.length >= 4 && !target.startsWith('s3://') && target !== '-';
}

/** Positional words after global options (`terraform -chdir=x apply` → apply). */
function subcommandPath(args: readonly Arg[], rule: CommandRule, max = 3): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < args.length && out.length < max; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) {
      out.push(UNKNOWN);
      continue;
    }
    if (a.startsWith('-')) {
      if (rule.optionsWithValue?.includes(a)) i += 1;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * guard.allow: the pattern matches the whole command — every word, each a name glob — so an
 * allowed `terraform apply -target=module.sandbox*` doesn't allow a second `-target`. A final
 * `**` matches any remaining words.
 */
function wholeMatches(pattern: string, words: readonly string[]): boolean {
  const parts = pattern.trim().split(/\s+/);
  const open = parts.at(-1) === '**';
  const fixed = open ? parts.slice(0, -1) : parts;
  if (open ? words.length < fixed.length : words.length !== fixed.length) return false;
  return fixed.every((p, i) => nameGlob(p).test(words[i]!));
}

/** guard.deny: words separated by spaces, each a name glob (`*`, `?`), matching a prefix of the command. */
function prefixMatches(pattern: string, words: readonly string[]): boolean {
  const parts = pattern.trim().split(/\s+/);
  return parts.length <= words.length && parts.every((p, i) => nameGlob(p).test(words[i]!));
}
