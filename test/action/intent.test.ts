import { describe, expect, it } from 'vitest';
import { closingIssueNumbers, intentText } from '../../src/action/intent.js';

describe("the pull request's task", () => {
  it('finds the issues it closes with GitHub\'s closing keywords, in this repository only', () => {
    expect(closingIssueNumbers(['Fixes #12 and resolves #7.', 'closed: #12', 'see #99; other/repo#5; fixes other/repo#6'])).toEqual([12, 7]);
  });

  it('is the title, the body, the closed issues and the commit messages, base-branch merges left out', () => {
    expect(intentText('fix(orders): drift', 'Small fix.', ['Orders DB drifted'], ['fix drift', "Merge branch 'main' into fix"])).toBe(
      'fix(orders): drift\n\nSmall fix.\n\nCloses: Orders DB drifted\n\nfix drift',
    );
  });
});
