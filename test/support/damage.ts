/** Deterministic random damage to JSON text, for tests that compare readers with JSON.parse. */
const ALPHABET = '{}[]":,.-+eE0123456789 \n\\tfnrua\u00e9';

/** Numbers below `n` from a fixed seed (a linear congruential generator: the same run every time). */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

/** `source` with one character deleted, inserted or replaced; `at` is where. */
export function damaged(source: string, random: (n: number) => number): { text: string; at: number } {
  const at = random(source.length);
  const kind = random(3);
  const piece = ALPHABET[random(ALPHABET.length)]!;
  const text =
    kind === 0
      ? source.slice(0, at) + source.slice(at + 1)
      : kind === 1
        ? source.slice(0, at) + piece + source.slice(at)
        : source.slice(0, at) + piece + source.slice(at + 1);
  return { text, at };
}
