import { seededRandom } from './damage.js';

/**
 * Random shell text made of the constructs the guard reads — quoting, expansions, substitutions,
 * assignments, redirects, here-docs, lists, pipelines, compound commands, keywords, line
 * continuations — around commands that are denied (`terraform apply`) and that aren't (`echo`),
 * for comparing two parsers' readings (test/guard/parser-agreement.test.ts).
 */
export function shellTexts(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[random(xs.length)]!;
  const plain = ['terraform', 'apply', 'destroy', 'plan', 'echo', 'ls', 'cat', 'x.sh', '-auto-approve', 'aws', 's3', 'rb', 's3://b', '--force', 'cdk', 'deploy', '-', '--', 'a,b', '1', 'FOO'];
  const word = (depth: number): string => {
    const w = pick(plain);
    switch (random(depth > 2 ? 8 : 22)) {
      case 0: return `'${w} ${pick(plain)}'`;
      case 1: return `"${w}"`;
      case 2: return `"$X ${w}"`;
      case 3: return `$'\\x61${w}'`;
      case 4: return `${w}"${pick(plain)}"`;
      case 5: return `\\${w}`;
      case 6: return `$X`;
      case 7: return `\${X:-${w}}`;
      case 8: return `$(${command(depth + 1)})`;
      case 9: return `\`${command(depth + 1)}\``;
      case 10: return `"$(${command(depth + 1)})"`;
      case 11: return `<(${command(depth + 1)})`;
      case 12: return `{${w},${pick(plain)}}`;
      case 13: return `${w}*`;
      case 14: return `"\${a[@]}"`;
      case 15: return `$"${w}"`;
      case 16: return `$((1+2))`;
      case 17: return `${w}\\\n${pick(plain)}`;
      default: return w;
    }
  };
  const simple = (depth: number): string => {
    const words = Array.from({ length: 1 + random(4) }, () => word(depth));
    const prefix = random(6) === 0 ? `${pick(['X', 'T', 'a', 'IFS', 'GIT_PAGER'])}=${pick([word(depth), '(terraform apply)', "'terraform apply'"])} ` : '';
    const suffix = [' > f', ' 2>&1', ' <<< "terraform apply"', ' >> x.sh', ' < x.sh', '', '', '', ''][random(9)];
    const keyword = ['time ', 'let ', 'coproc ', 'export ', 'declare -a ', 'local ', 'eval ', 'bash -c ', 'sudo ', '', '', '', '', '', ''][random(15)];
    return `${prefix}${keyword}${words.join(' ')}${suffix}`;
  };
  const command = (depth: number): string => {
    if (depth > 3) return simple(depth);
    switch (random(16)) {
      case 0: return `${command(depth + 1)} && ${command(depth + 1)}`;
      case 1: return `${command(depth + 1)} | ${command(depth + 1)}`;
      case 2: return `${command(depth + 1)}; ${command(depth + 1)}`;
      case 3: return `${command(depth + 1)} || ${command(depth + 1)} &`;
      case 4: return `if ${command(depth + 1)}; then ${command(depth + 1)}; fi`;
      case 5: return `for i in ${word(depth)} ${word(depth)}; do ${command(depth + 1)}; done`;
      case 6: return `{ ${command(depth + 1)}; }`;
      case 7: return `(${command(depth + 1)})`;
      case 8: return `case ${word(depth)} in a) ${command(depth + 1)};; *) ${command(depth + 1)};; esac`;
      case 9: return `f() { ${command(depth + 1)}; }; f`;
      case 10: return `cat ${pick(['', '- ', '> x.sh '])}<<${pick(['EOF', "'EOF'", '"EOF"', '-EOF'])}${pick(['', ' | bash', ' && bash x.sh'])}\n${command(depth + 1)}\nEOF`;
      case 11: return `[[ -n ${word(depth)} ]] && ${command(depth + 1)}`;
      case 12: return `while ${command(depth + 1)}; do ${command(depth + 1)}; done # ${pick(plain)}`;
      case 13: return `! ${command(depth + 1)}`;
      default: return simple(depth);
    }
  };
  return Array.from({ length: count }, () => command(0));
}
