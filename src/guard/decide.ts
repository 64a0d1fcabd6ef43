import { nameGlob } from '../core/glob.js';
import { programName, show, UNKNOWN, type Arg, type ParsedCommand } from './parse.js';
import { awsShapedMutation } from './aws-cli.js';
import { asksForHelp, lastDryRun } from './flags.js';
import { DENY_RULES, RISKY_VERBS, type CommandRule } from './rules.js';
import { redirectSelfEdit, rewrittenAndRun, selfEditOf } from './shell-writes.js';

export interface Decision {
  readonly decision: 'allow' | 'deny';
  readonly reason: string;
  /** The simple commands found, as text (for logs and tests). */
  readonly commands: readonly string[];
  /** Denied because it writes the guard's or the gate's own files (the way through is a human, not a plan). */
  readonly selfEdit?: true;
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
export function decide(parsed: ParsedCommand, lists: GuardLists, cwd = '/'): Decision {
  const commands = parsed.commands.map(show);
  if (parsed.problems.length > 0) return { decision: 'deny', reason: parsed.problems[0]!, commands };
  // Writing the hook configuration, steer.yml or the Steer workflows switches the guard off: no list allows that.
  for (const [i, argv] of parsed.commands.entries()) {
    const dir = parsed.dirs[i];
    const why = selfEditOf(argv, typeof dir === 'string' ? dir : '', cwd);
    if (why) return { decision: 'deny', reason: `"${show(argv)}": ${why}`, commands, selfEdit: true };
  }
  const redirected = redirectSelfEdit(parsed, cwd);
  if (redirected) return { decision: 'deny', reason: redirected, commands, selfEdit: true };
  const rewritten = rewrittenAndRun(parsed);
  if (rewritten) return { decision: 'deny', reason: rewritten, commands };
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
    const risky = words.slice(1).find((w) => RISKY_VERBS.some((verb) => nameGlob(verb).test(w))) ?? awsShapedMutation(argv.slice(1));
    return risky ? `the program of "${show(argv)}" cannot be known before running, and "${risky}" may mutate infrastructure` : undefined;
  }
  const rule = DENY_RULES.find((r) => r.programs.includes(name));
  if (!rule) return undefined;
  if (rule.judge) {
    const why = rule.judge(argv.slice(1));
    return why ? `"${show(argv)}": ${why}` : undefined;
  }
  // Help changes nothing (`terraform apply -help`); nor does a dry run (the last dry-run option wins).
  const rest = argv.slice(1);
  if (asksForHelp(rest, rule.optionsWithValue)) return undefined;
  if ((rule.dryRun || rule.dryRunByDefault) && lastDryRun(rest, rule.dryRun ?? {}, rule.dryRunByDefault)) return undefined;
  const plain = rest.filter((a): a is string => typeof a === 'string');
  // `terraform init -migrate-state` / `-force-copy` moves state to another backend.
  if (rule.programs.includes('terraform') && plain.includes('init') && plain.some((a) => a === '-migrate-state' || a === '-force-copy')) return `"${show(argv)}" moves the state to another backend`;
  const path = subcommandPath(rest, rule);
  const matches = (p: readonly string[]) => p.every((pattern, i) => typeof path[i] === 'string' && nameGlob(pattern).test(path[i] as string));
  if (rule.allow?.some(matches)) return undefined;
  if (rule.reads) {
    // Every subcommand but the listed reads: an unknown word may be any of them.
    if (path.length === 0 || rule.reads.some(matches)) return undefined;
    return `"${show(argv)}": "${path.map((w) => (w === UNKNOWN ? '$?' : w)).join(' ')}" is not one of ${name}'s read-only commands, and ${name} ${rule.why}`;
  }
  // An unknown word may be any subcommand: it matches every denied one in its place.
  const denied = rule.deny.find((d) => d.every((pattern, i) => path[i] === UNKNOWN || (typeof path[i] === 'string' && nameGlob(pattern).test(path[i] as string))));
  if (!denied) {
    // An option we don't know to take a value may have shifted the subcommand (`cdk --newflag x deploy`):
    // a one-word denied verb right after such an option's possible value still denies.
    const verb = shiftedVerbs(rest, rule).find((w) => rule.deny.some((d) => d.length === 1 && nameGlob(d[0]!).test(w)));
    return verb ? `"${show(argv)}": "${verb}" among its first words may be the ${name} subcommand, which ${rule.why}` : undefined;
  }
  return path.some((w) => w === UNKNOWN) ? `"${show(argv)}": the ${name} subcommand cannot be known before running, and it may be "${denied.join(' ')}"` : `"${show(argv)}" ${rule.why}`;
}

/**
 * Words that may be the subcommand when an option we don't know precedes them (`cdk --newflag x
 * deploy`: x may be its value, so deploy may be the subcommand). Words after a known subcommand
 * are its arguments (`pulumi config refresh`, `sls deploy list`).
 */
function shiftedVerbs(args: readonly Arg[], rule: CommandRule): string[] {
  const out: string[] = [];
  let unknownOption = false; // an option we don't know came just before: the next positional may be its value
  let shifted = false; // the previous positional may have been such a value
  let seen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === UNKNOWN) return out;
    if (a.startsWith('-')) {
      if (rule.optionsWithValue?.includes(a)) i += 1;
      else unknownOption = !a.includes('=');
      continue;
    }
    if (shifted) out.push(a);
    else if (seen) return out;
    shifted = unknownOption;
    unknownOption = false;
    seen = true;
  }
  return out;
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
