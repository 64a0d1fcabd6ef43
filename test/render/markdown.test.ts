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
    expect(md.indexOf('aws_db_instance.main')).toBeGreaterThan(needs);
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
    expect(md.trimEnd().endsWith('</sub>')).toBe(true);
  });

  it('places the hidden marker first when asked', () => {
    expect(renderMarkdown(report([]), { marker: '<!-- steer:comment -->' }).startsWith('<!-- steer:comment -->')).toBe(true);
  });
});
