import { describe, expect, it } from 'vitest';
import { patchFiles } from '../../src/guard/patch-files.js';

describe('the files a patch writes', () => {
  it('reads every header of the apply_patch envelope, renames included', () => {
    const patch = ['*** Begin Patch', '*** Add File: a.txt', '+x', '*** Update File: src/app.py', '*** Move to: src/main.py', '@@', '-a', '+b', '*** Delete File: old.txt', '*** End Patch'].join('\n');
    expect(patchFiles(patch)).toEqual(['a.txt', 'src/app.py', 'src/main.py', 'old.txt']);
  });

  it('reads the ---/+++ headers of a unified diff, without a/ b/ prefixes or /dev/null', () => {
    expect(patchFiles('--- /dev/null\n+++ b/.claude/settings.json\n@@ -0,0 +1 @@\n+{}\n')).toEqual(['.claude/settings.json']);
    expect(patchFiles('--- a/steer.yml\t2026-01-01\n+++ b/steer.yml\t2026-01-02\n')).toEqual(['steer.yml']);
  });
});
