/** The closed, ordered verdict scale. A report's verdict is the worst of its findings. */
export const VERDICTS = ['allow', 'review', 'block'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function worst(verdicts: Iterable<Verdict>): Verdict {
  let rank = 0;
  for (const v of verdicts) rank = Math.max(rank, VERDICTS.indexOf(v));
  return VERDICTS[rank]!;
}

/** Exit codes: documented and stable. 1 is reserved for errors. */
export function exitCodeFor(verdict: Verdict): 0 | 2 | 3 {
  switch (verdict) {
    case 'allow':
      return 0;
    case 'review':
      return 2;
    case 'block':
      return 3;
    default: {
      const never: never = verdict;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}
