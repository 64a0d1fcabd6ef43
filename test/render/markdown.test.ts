import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/parse.js';
import { assess } from '../../src/core/assess.js';
import { code, renderMarkdown, text } from '../../src/render/markdown.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { rc, tfPlan } from '../support/tfplan.js';

const report = (changes: Record<string, unknown>[]) =>
  assess([parseTerraformPlan(tfPlan(changes, { variables: { environment: { value: 'prod' } } }), { path: 'plan.json' })], { config: DEFAULT_CONFIG });

describe('Markdown report', () => {
  it('puts the verdict first, then production deletes and replaces with reason and data-loss flag', () => {
    const md = renderMarkdown(
      report([
        rc({ address: 'aws_sqs_queue.a', type: 'aws_sqs_queue', actions: ['create'] }),
        rc({ address: 'aws_db_instance.main', type: 'aws_db_instance', actions: ['delete', 'create'], replace_paths: [['engine']] }),
      ]),
    );
    expect(md.startsWith('## ⚠️ Steer: REVIEW REQUIRED')).toBe(true);
    const needs = md.indexOf('### Needs a human');
    expect(needs).toBeGreaterThan(0);
    expect(md.indexOf('- **replace** `aws_db_instance.main`')).toBeGreaterThan(needs);
    expect(md).toMatch(/🔥 \*\*DATA LOSS\*\*/);
    expect(md).toMatch(/forced by `engine`/);
    expect(md).toMatch(/<details><summary>/);
  });

  it('escapes names so a plan cannot inject Markdown, HTML or mentions', () => {
    const evil = 'aws_s3_bucket.x["</details><img src=x onerror=alert(1)> @org/admins [click](https://evil)"]';
    const md = renderMarkdown(report([rc({ address: evil, type: 'aws_s3_bucket', actions: ['delete'] })]));
    const outsideCode = md.replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('@org');
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(https:\/\/evil\)/); // an escaped bracket can't close a link
    expect(outsideCode.match(/<details>/g)?.length).toBe(outsideCode.match(/<\/details>/g)?.length);
  });

  it('code spans survive backticks and pipes', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x')).toBe('`` `x ``');
    expect(code('a|b')).toBe('`a\\|b`');
    expect(text('<b>@x*')).toBe('&lt;b&gt;&#64;x\\*');
  });

  it('stays under the size limit with thousands of changes, and says what it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => rc({ address: `aws_db_instance.db_${i}_${'x'.repeat(40)}`, type: 'aws_db_instance', actions: ['delete'] }));
    const md = renderMarkdown(report(many));
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toMatch(/more not shown/);
    expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
    expect(md.trimEnd().split('\n').pop()).toMatch(/^\*\*Next step:\*\*/);
  });

  it('places the hidden marker first when asked', () => {
    expect(renderMarkdown(report([]), { marker: '<!-- steer:comment -->' }).startsWith('<!-- steer:comment -->')).toBe(true);
  });
});

describe('Markdown report: what a reviewer needs at a glance', () => {
  const dbReplace = rc({
    address: 'module.data.aws_db_instance.main',
    module_address: 'module.data',
    type: 'aws_db_instance',
    actions: ['delete', 'create'],
    before: { kms_key_id: 'arn:aws:kms:eu-west-1:1:key/abc' },
    after: { kms_key_id: 'alias/aws/rds' },
    replace_paths: [['kms_key_id']],
  });
  const update = rc({ address: 'aws_security_group.web', type: 'aws_security_group', actions: ['update'], before: { ingress: [], tags: {} }, after: { ingress: [1], tags: { a: 'b' } } });

  it('a CAUTION callout names the changes that lose data', () => {
    const md = renderMarkdown(report([dbReplace, update]));
    expect(md).toContain('> [!CAUTION]\n> **Data loss on production**: 1 change(s) destroy stored data — `module.data.aws_db_instance.main` (database).');
    expect(renderMarkdown(report([update]))).not.toContain('[!CAUTION]');
  });

  it('a table lists the production changes, grouped by module, with the values that force a replacement', () => {
    const md = renderMarkdown(report([dbReplace, update]));
    expect(md).toContain('| Action | Address | Forced by | Data loss |');
    const root = md.indexOf('| | **root module** | | |');
    const data = md.indexOf('| | **module.data** | | |');
    expect(root).toBeGreaterThan(0);
    expect(data).toBeGreaterThan(root);
    expect(md).toContain('| **replace** | `module.data.aws_db_instance.main` | `kms_key_id`: `"arn:aws:kms:eu-west-1:1:key/abc"` → `"alias/aws/rds"` | 🔥 yes |');
  });

  it('updates list the attributes they change', () => {
    expect(renderMarkdown(report([update]))).toContain('- update `aws_security_group.web` — changes `ingress`, `tags`');
  });

  it('links the workflow run when it is known, and only a plain https URL', () => {
    expect(renderMarkdown(report([update]), { runUrl: 'https://github.com/o/r/actions/runs/42' })).toContain(' · [workflow run](https://github.com/o/r/actions/runs/42)');
    expect(renderMarkdown(report([update]), { runUrl: 'javascript:alert(1)' })).not.toContain('workflow run');
    expect(renderMarkdown(report([update]), { runUrl: 'https://x.test/a) [y](https://evil' })).not.toContain('workflow run');
  });

  it('ends with the next step: how to approve, how to change the plan', () => {
    const md = renderMarkdown(report([dbReplace]));
    expect(md).toMatch(/\*\*Next step:\*\*.*approve the PR on this commit.*steer apply.*a new commit or a new plan needs a new approval/);
  });
});
