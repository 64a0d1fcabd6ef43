import { COMMAND_VARIABLES, SCRIPT_VARIABLES } from './variables.js';

/**
 * The shell's grammar reduced to its simplest case, decided without loading the parser (whose
 * start-up is most of a hook's latency): text made only of plain words — letters, digits and
 * `_ . / : = , @ % + -` — separated by single spaces is exactly one simple command whose words
 * are those words, as any POSIX shell reads it: no quoting, expansion, globbing, redirection,
 * operator or comment can occur without one of the characters this excludes. Leading `NAME=value`
 * words are assignments, not arguments. A reserved word in command position (`if`, `time`…) is
 * left to the parser. Anything else → undefined: the real parser decides (a test checks both
 * agree on every command of the corpus and on random text).
 */
const PLAIN = /^[A-Za-z0-9_./:=,@%+-]+(?: [A-Za-z0-9_./:=,@%+-]+)*$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc']);

export function plainWords(text: string): string[] | undefined {
  if (text.length > 4096 || !PLAIN.test(text)) return undefined;
  const words = text.split(' ');
  if (words.some((w) => w.startsWith('='))) return undefined; // zsh: `=terraform` is a path lookup
  let i = 0;
  while (i < words.length && ASSIGNMENT.test(words[i]!)) i++;
  const argv = words.slice(i);
  if (argv.length === 0 || RESERVED.has(argv[0]!)) return undefined;
  // An assignment that runs something (`BASH_ENV=x.sh bash`, `EDITOR=… git commit`) or sets make's variables: the parser's.
  const assigned = words.slice(0, i).map((w) => w.slice(0, w.indexOf('=')).replace(/\+$/, ''));
  if (assigned.some((n) => COMMAND_VARIABLES.has(n) || SCRIPT_VARIABLES.has(n)) || (i > 0 && /^(g?make)$/.test(argv[0]!.split('/').pop()!))) return undefined;
  return argv;
}
