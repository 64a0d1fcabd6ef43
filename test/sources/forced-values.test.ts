import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/core/model.js';
import { decodeInput } from '../../src/sources/decode.js';
import { parseDecoded, plansFromDocuments } from '../../src/sources/load.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { streamTerraformPlan } from '../../src/sources/terraform/stream.js';
import { toChange } from '../../src/sources/cloudformation/resource-change.js';
import { analyze } from '../support/analyze.js';
import { corpusDir, fixturesDir, repoRoot } from '../support/paths.js';
import { rc, tfPlan } from '../support/tfplan.js';

function viaBytes(text: string): Plan {
  const decoded = decodeInput(Buffer.from(text), 'p.json');
  if (decoded.kind === 'saved-terraform-plan') throw new Error('unexpected zip');
  return plansFromDocuments([{ ...parseDecoded(decoded, 'p.json')[0]!, notes: decoded.notes }], {})[0]!;
}

/** The forced values of the only change, read the three ways (parsed whole, bytes, streamed): all the same. */
async function forced(entry: Record<string, unknown>, extra: Record<string, unknown> = {}, edit: (text: string) => string = (t) => t) {
  const text = edit(JSON.stringify(tfPlan([entry], extra)));
  const parsed = parseTerraformPlan(JSON.parse(text), { path: 'p.json', inputNotes: [] }).changes[0]!;
  const bytes = viaBytes(text).changes[0]!;
  const streamed = (await streamTerraformPlan(Readable.from([Buffer.from(text)]), { path: 'p.json' })).changes[0]!;
  expect(bytes.forcedValues).toEqual(parsed.forcedValues);
  expect(streamed.forcedValues).toEqual(parsed.forcedValues);
  return parsed.forcedValues;
}

const replace = (o: Partial<Parameters<typeof rc>[0]>) => rc({ address: 'aws_db_instance.main', type: 'aws_db_instance', actions: ['delete', 'create'], ...o });

describe('the values that force a Terraform replacement', () => {
  it('the demo shows kms_key_id going from a key ARN to alias/aws/rds', () => {
    const plan = parseTerraformPlan(JSON.parse(readFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), 'utf8')), { path: 'demo' });
    const db = plan.changes.find((c) => c.address === 'aws_db_instance.orders')!;
    expect(db.forcedValues).toEqual([{ attribute: 'kms_key_id', before: '"arn:aws:kms:eu-west-1:123456789012:key/7c1e2f0a-3b5d-4e8f-9a6b-2d4c8e1f0a3b"', after: '"alias/aws/rds"' }]);
  });

  it('are read at each replace path, nested ones included, the same by every reader', async () => {
    const values = await forced(replace({ before: { engine: 'postgres', disk: [{ size: 10 }], tags: { 'a b': 'x' } }, after: { engine: 'mysql', disk: [{ size: 20 }], tags: {} }, replace_paths: [['engine'], ['disk', 0, 'size'], ['tags', 'a b']] }));
    expect(values).toEqual([
      { attribute: 'engine', before: '"postgres"', after: '"mysql"' },
      { attribute: 'disk[0].size', before: '10', after: '20' },
      { attribute: 'tags["a b"]', before: '"x"', after: 'null' },
    ]);
  });

  it('mask what Terraform marks sensitive, before and after, and anything below a sensitive parent', async () => {
    const secret = 'hunter2-very-secret';
    const values = await forced(
      replace({
        before: { password: secret, config: { token: secret } },
        after: { password: `${secret}-2`, config: { token: `${secret}-3` } },
        before_sensitive: { password: true, config: true },
        after_sensitive: { password: true, config: { token: true } },
        replace_paths: [['password'], ['config', 'token'], ['config']],
      }),
    );
    expect(values).toEqual([
      { attribute: 'password', before: '(sensitive value)', after: '(sensitive value)' },
      { attribute: 'config.token', before: '(sensitive value)', after: '(sensitive value)' },
      { attribute: 'config', before: '(sensitive value)', after: '(sensitive value)' },
    ]);
    expect(JSON.stringify(values)).not.toContain('hunter2');
  });

  it('say "(known after apply)" for an after value not known yet', async () => {
    const values = await forced(replace({ before: { subnet_id: 'subnet-1', nested: { id: 'a' } }, after: { nested: {} }, after_unknown: { subnet_id: true, nested: { id: true } }, replace_paths: [['subnet_id'], ['nested']] }));
    expect(values).toEqual([
      { attribute: 'subnet_id', before: '"subnet-1"', after: '(known after apply)' },
      { attribute: 'nested', before: '{"id":"a"}', after: '(known after apply)' },
    ]);
  });

  it('shorten long values in the middle, keeping both ends', async () => {
    const long = `arn:aws:kms:eu-west-1:123456789012:key/${'x'.repeat(200)}-END`;
    const [value] = (await forced(replace({ before: { kms_key_id: long }, after: { kms_key_id: 'alias/aws/rds' }, replace_paths: [['kms_key_id']] })))!;
    expect(value!.before.length).toBe(100);
    expect(value!.before.startsWith('"arn:aws:kms:eu-west-1:123456789012:key/')).toBe(true);
    expect(value!.before.endsWith('-END"')).toBe(true);
    expect(value!.before).toContain('…');
  });

  it('are read from the bytes along the paths only, as a whole parse reads them: repeated and escaped keys, "__proto__", steps that lead nowhere', async () => {
    const values = await forced(
      replace({
        before: { engine: 'postgres', esc: { 'a"b': 'quoted' }, __proto__x: 'p', disk: [{ size: 1 }, { size: 2 }], list: ['x'], obj: { k: 1 }, tags: { Name: 'n', Env: 'e' } },
        after: { engine: 'mysql', esc: { 'a"b': 'q2' }, __proto__x: 'p2', disk: [{ size: 3 }], list: ['y'], obj: { k: 2 }, tags: { Name: 'n2', Env: 'e' } },
        after_unknown: { disk: [{ size: true }], obj: {}, list: [false] },
        before_sensitive: { tags: {}, obj: { k: false } },
        after_sensitive: { tags: { Env: true } },
        replace_paths: [['engine'], ['esc', 'a"b'], ['__proto__'], ['disk', 1, 'size'], ['disk', 0, 'size'], ['disk', 5], ['list', 'x'], ['obj', 0], ['obj'], ['obj', 'k'], ['tags', 'Name'], ['missing', 'deeper'], ['engine', 'below']],
      }),
      {},
      // A key repeated inside `before` (the last copy counts, as JSON.parse keeps it; a repeated
      // attribute would have the whole entry parsed) and a "__proto__" attribute.
      (text) => text.replace('{"size":2}', '{"size":0,"size":2}').replaceAll('"__proto__x"', '"__proto__"'),
    );
    expect(values).toEqual([
      { attribute: 'engine', before: '"postgres"', after: '"mysql"' },
      { attribute: 'esc["a\\"b"]', before: '"quoted"', after: '"q2"' },
      { attribute: '__proto__', before: '"p"', after: '"p2"' },
      { attribute: 'disk[1].size', before: '2', after: 'null' },
      { attribute: 'disk[0].size', before: '1', after: '(known after apply)' },
      { attribute: 'disk[5]', before: 'null', after: 'null' },
      { attribute: 'list.x', before: 'null', after: 'null' },
      { attribute: 'obj[0]', before: 'null', after: 'null' },
      { attribute: 'obj', before: '{"k":1}', after: '{"k":2}' },
      { attribute: 'obj.k', before: '1', after: '2' },
      { attribute: 'tags.Name', before: '"n"', after: '"n2"' },
      { attribute: 'missing.deeper', before: 'null', after: 'null' },
      { attribute: 'engine.below', before: 'null', after: 'null' },
    ]);
  });

  it('an empty replace path stands for the whole object, as a whole parse reads it', async () => {
    const values = await forced(replace({ before: { a: 1, tags: { Env: 'x' } }, after: { a: 2, tags: { Env: 'x' } }, after_unknown: { a: false }, replace_paths: [[], ['a']] }));
    expect(values).toEqual([
      { attribute: '', before: '{"a":1,"tags":{"Env":"x"}}', after: '{"a":2,"tags":{"Env":"x"}}' },
      { attribute: 'a', before: '1', after: '2' },
    ]);
  });

  it('keep the tags a replacement changes whole (only the forcing paths are added to what the reader keeps)', async () => {
    const entry = replace({ before: { tags: { Name: 'a', Env: 'prod' } }, after: { tags: { Name: 'b', Env: 'prod' } }, after_unknown: { tags: {} }, replace_paths: [['tags', 'Name']] });
    const text = JSON.stringify(tfPlan([entry]));
    const parsed = parseTerraformPlan(JSON.parse(text), { path: 'p.json', inputNotes: [] }).changes[0]!;
    expect(viaBytes(text).changes[0]).toEqual(parsed);
    expect(parsed.tagsBefore).toEqual({ Name: 'a', Env: 'prod' });
  });

  it('malformed replace paths are refused by every reader alike', async () => {
    for (const paths of [[[null]], [{}], [['a', { b: 1 }]], [7]]) {
      const text = JSON.stringify(tfPlan([replace({ before: { a: 1 }, after: { a: 2 }, replace_paths: paths as never })]));
      const message = /^p\.json: not a valid Terraform plan: resource_changes\[0\]\.change\.replace_paths/;
      expect(() => parseTerraformPlan(JSON.parse(text), { path: 'p.json' })).toThrowError(message);
      expect(() => viaBytes(text)).toThrowError(message);
      await expect(streamTerraformPlan(Readable.from([Buffer.from(text)]), { path: 'p.json' })).rejects.toThrowError(message);
    }
  });

  it('are absent when nothing forces a replacement', async () => {
    expect(await forced(rc({ actions: ['update'], before: { a: 1 }, after: { a: 2 } }))).toBeUndefined();
  });
});

describe('the values that force a CloudFormation replacement', () => {

  it('come from the Before/AfterContext, as JSON strings or as objects alike', async () => {
    for (const file of ['as-strings.json', 'as-objects.json']) {
      const report = await analyze([join(fixturesDir, 'cloudformation', 'contexts', file)]);
      expect(report.plans[0]!.changes[0]!.change.forcedValues, file).toEqual([{ attribute: 'Properties.TopicName', before: '"orders-alerts"', after: '"orders-alerts-v2"' }]);
    }
  });

  it("come from the detail's BeforeValue/AfterValue when the change set has them", async () => {
    const report = await analyze([join(corpusDir(), 'cloudformation', 'localstack__update-parameter-default__replace-prop-values.json')]);
    expect(report.plans[0]!.changes[0]!.change.forcedValues).toEqual([{ attribute: 'Properties.TopicName', before: '"topic-name-1"', after: '"topic-name-2"' }]);
  });

  it('are absent without property values (a change set described without them)', async () => {
    const report = await analyze([join(fixturesDir, 'cloudformation', 'replacement-conditional.json')]);
    expect(report.plans[0]!.changes.find((c) => c.change.address === 'OrdersDb')!.change.forcedValues).toBeUndefined();
  });

  it('NoEcho values (asterisks) are shown as "(sensitive value)"', async () => {
    const change = toChange(
      {
        Action: 'Modify',
        LogicalResourceId: 'Db',
        ResourceType: 'AWS::RDS::DBInstance',
        Replacement: 'True',
        Details: [{ Target: { Attribute: 'Properties', Name: 'MasterUserPassword', RequiresRecreation: 'Always', BeforeValue: '****', AfterValue: '****' } }, { Target: { Attribute: 'Properties', Name: 'Config', RequiresRecreation: 'Always' } }],
        AfterContext: { Properties: { Config: { Secret: '*****' } } },
        BeforeContext: { Properties: { Config: { Secret: '*****' } } },
      },
      undefined,
    );
    expect(change.forcedValues).toEqual([
      { attribute: 'Properties.MasterUserPassword', before: '(sensitive value)', after: '(sensitive value)' },
      { attribute: 'Properties.Config', before: '(sensitive value)', after: '(sensitive value)' },
    ]);
  });
});

describe('the forcing values of a real Terraform plan (fixtures/terraform/replace-sensitive)', () => {
  it('mask the sensitive one as Terraform does and say which is known only after apply; the secret appears nowhere', async () => {
    const report = await analyze([join(fixturesDir, 'terraform', 'replace-sensitive', 'plan.json')]);
    const byAddress = Object.fromEntries(report.plans[0]!.changes.map((c) => [c.change.address, c.change.forcedValues]));
    expect(byAddress['terraform_data.db']).toEqual([{ attribute: 'triggers_replace', before: '(sensitive value)', after: '(sensitive value)' }]);
    expect(byAddress['terraform_data.key']).toEqual([{ attribute: 'triggers_replace', before: '"k1"', after: '"k2"' }]);
    expect(byAddress['terraform_data.user']![0]!.after).toBe('(known after apply)');
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });
});
