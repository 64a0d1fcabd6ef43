/** Deterministic random damage to JSON text, for tests that compare readers with JSON.parse. */
const ALPHABET = '{}[]":,.-+eE0123456789 \n\\tfnrua\u00e9';

/**
 * Numbers below `n` from a fixed seed: the same run every time. Mulberry32, in 32-bit integer
 * arithmetic; the answer is taken from the high bits. (An earlier linear congruential generator
 * multiplied past 2^53 in floating point: its low bits were lost, so `% n` for small n kept
 * answering 0 and damage fell only on offsets that were multiples of 16.)
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed | 0;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
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
