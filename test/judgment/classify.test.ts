import { describe, expect, it } from 'vitest';
import { classifyTask, inflects } from '../../src/core/intent/classify.js';
import { judgedText } from '../../src/core/intent/intent.js';
import { declaredScope } from '../../src/core/intent/scope.js';

describe('the task classifier', () => {
  it('reads a minor task and names the words that decided', () => {
    const c = classifyTask('Fix minor configuration drift');
    expect(c.magnitude).toBe('minor');
    expect(c.words.map((w) => w.text)).toEqual(['drift']);
    expect(c.destructive).toEqual([]);
  });

  it('reads conventional-commit types: "chore: tf fmt" is minor, "feat(x): …" moderate', () => {
    expect(classifyTask('chore: tf fmt').words.map((w) => w.entry)).toEqual(['chore:', 'fmt']);
    expect(classifyTask('feat(orders): new retry policy').magnitude).toBe('moderate');
  });

  it('takes the largest magnitude, and a destructive word names what its clause names', () => {
    const c = classifyTask('Upgrade Postgres to 16, which recreates the instance');
    expect(c.magnitude).toBe('major');
    expect(c.destructive).toEqual([{ word: 'recreate', names: ['instance'] }]);
  });

  it('expands nouns to the types and categories they mean', () => {
    expect(classifyTask('remove the analytics bucket').destructive[0]!.names).toEqual(['analytic', 'bucket']);
    expect(classifyTask('drop the postgres db').destructive[0]!.names).toContain('database');
  });

  it('ignores a negated destructive word', () => {
    const c = classifyTask("Don't delete anything, just fix the tags");
    expect(c.words.find((w) => w.entry === 'delete')?.negated).toBe(true);
    expect(c.destructive).toEqual([]);
    expect(c.magnitude).toBe('minor');
  });

  it('has no magnitude when no vocabulary word appears', () => {
    expect(classifyTask('orders service').magnitude).toBe('unclassified');
  });

  it('matches simple inflections, not other words that start alike', () => {
    expect(['recreated', 'recreating', 'recreation', 'recreates'].every((t) => inflects(t, 'recreate'))).toBe(true);
    expect(inflects('tagged', 'tag') && inflects('deletion', 'delete') && inflects('removal', 'remove')).toBe(true);
    expect(inflects('address', 'add') || inflects('tagline', 'tag')).toBe(false);
  });
});

describe('a declared scope', () => {
  it('is read from a steer-scope block, and the block is not classified', () => {
    const text = 'Rotate keys\n\n```steer-scope\nmodule.orders.*   update replace\naws_s3_bucket.logs delete # old logs\n```\n';
    const { scope, rest } = declaredScope(text);
    expect(scope).toEqual({
      entries: [
        { pattern: 'module.orders.*', actions: ['update', 'replace'] },
        { pattern: 'aws_s3_bucket.logs', actions: ['delete'] },
      ],
      invalid: [],
    });
    expect(rest.trim()).toBe('Rotate keys');
  });

  it('keeps lines it cannot read, so a typo does not widen the scope silently', () => {
    expect(declaredScope('```steer-scope\naws_db_instance.a  destory\n```').scope?.invalid).toEqual(['aws_db_instance.a  destory']);
  });
});

describe('the task as a report carries it', () => {
  it('masks secret-looking strings and shortens', () => {
    const text = judgedText('rotate AKIAABCDEFGHIJKLMNOP and password=hunter2 please ' + 'x'.repeat(400));
    expect(text).not.toContain('AKIA');
    expect(text).not.toContain('hunter2');
    expect(text).toContain('password=***');
    expect(text.length).toBeLessThanOrEqual(280);
  });
});
