import { describe, expect, it } from 'vitest';
import { mergedOntoReviewedBase, type ChainCommit } from '../../src/core/merge-check.js';

const c = (sha: string, parents: string[], message = sha, authorDate: string | null = `2026-01-01T00:00:0${sha.length % 10}Z`): ChainCommit => ({ sha, parents, message, authorDate });
const pull = [
  { message: 'one', authorDate: '2026-01-01T00:00:01Z' },
  { message: 'two', authorDate: '2026-01-01T00:00:02Z' },
];

describe('was the pull request merged onto the base it was reviewed against?', () => {
  it('a merge commit or a squash right on the reviewed base: yes', () => {
    expect(mergedOntoReviewedBase('B', 'M', [c('M', ['B', 'H']), c('H', ['h1']), c('h1', ['B'])], pull)).toEqual({ ok: true, method: 'merge or squash' });
    expect(mergedOntoReviewedBase('B', 'S', [c('S', ['B'])], pull)).toEqual({ ok: true, method: 'merge or squash' });
  });
  it('a rebase: the pull request\'s commits, in order, with their messages and author dates: yes', () => {
    expect(mergedOntoReviewedBase('B', 'R2', [c('R1', ['B'], 'one', pull[0]!.authorDate), c('R2', ['R1'], 'two', pull[1]!.authorDate)], pull)).toEqual({ ok: true, method: 'rebase' });
  });
  it('another commit landed first: no', () => {
    const r = mergedOntoReviewedBase('B', 'S', [c('X', ['B'], 'other'), c('S', ['X'])], pull);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/2 commits lie between the reviewed base B and the merge S/);
  });
  it('rebased commits in another order, or with another author date: no', () => {
    expect(mergedOntoReviewedBase('B', 'R2', [c('R1', ['B'], 'two', pull[1]!.authorDate), c('R2', ['R1'], 'one', pull[0]!.authorDate)], pull).ok).toBe(false);
    expect(mergedOntoReviewedBase('B', 'R2', [c('R1', ['B'], 'one', '2030-01-01T00:00:00Z'), c('R2', ['R1'], 'two', pull[1]!.authorDate)], pull).ok).toBe(false);
  });
  it('a merge that does not descend from the reviewed base, or is the base itself: no', () => {
    expect(mergedOntoReviewedBase('B', 'M', [c('M', ['Z'])], pull)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not descend from the reviewed base/) });
    expect(mergedOntoReviewedBase('B', 'B', [], pull)).toMatchObject({ ok: false, reason: expect.stringMatching(/is the reviewed base itself/) });
  });
});
