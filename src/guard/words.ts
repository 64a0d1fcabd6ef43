/** The words of a parsed command: literal text, or UNKNOWN when only running it would tell. */
export const UNKNOWN = Symbol('unknown word');
export type Arg = string | typeof UNKNOWN;

/** `/usr/local/bin/terraform`, `terraform.exe`, `Terraform` → terraform. */
export function programName(word: Arg): Arg {
  if (word === UNKNOWN) return UNKNOWN;
  return word.split('/').pop()!.replace(/\.exe$/i, '').toLowerCase();
}

/** A command as text, for reasons and logs (`$?` marks a word unknown before running). */
export function show(argv: readonly Arg[]): string {
  return argv.map((a) => (a === UNKNOWN ? '$?' : /\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
}
