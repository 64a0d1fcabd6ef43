import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { Plan } from '../../src/core/model.js';
import { decodeInput } from '../../src/sources/decode.js';
import { parseDecoded, parseDecodedInSlices, plansFromDocuments } from '../../src/sources/load.js';
import { readTerraformDocumentsInSlices } from '../../src/sources/terraform/read-plan.js';
import { streamTerraformPlan } from '../../src/sources/terraform/stream.js';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { corpusDir, fixturesDir, repoRoot } from '../support/paths.js';
import { damaged, seededRandom } from '../support/damage.js';
import { rc, tfPlan } from '../support/tfplan.js';

/** The in-memory reader as plan-check runs it: bytes → scanner → only what Steer reads. */
function viaBytes(text: string | Buffer, path = 'p.json'): Plan {
  const decoded = decodeInput(typeof text === 'string' ? Buffer.from(text) : text, path);
  if (decoded.kind === 'saved-terraform-plan') throw new Error('unexpected zip');
  const [plan] = plansFromDocuments(parseDecoded(decoded, path).map((d) => ({ ...d, notes: decoded.notes })), {});
  return plan!;
}

/** The reference: the whole document parsed, then normalized. */
function viaParse(text: string, path = 'p.json'): Plan {
  return parseTerraformPlan(JSON.parse(text), { path, inputNotes: [] });
}

const work = mkdtempSync(join(tmpdir(), 'steer-bytes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const generated = join(work, 'generated.json');
execFileSync(process.execPath, [join(repoRoot, 'bench/generate-plan.mjs'), generated, '240']);

const corpus = join(corpusDir(), 'terraform');
const files = [
  ...readdirSync(corpus).filter((f) => !f.startsWith('encoding__')).map((f) => join(corpus, f)),
  ...readdirSync(join(fixturesDir, 'terraform'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(fixturesDir, 'terraform', d.name, 'plan.json')),
  join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'),
  generated,
];

/** Go's encoding/json escapes <, > and & in strings: the same JSON, not canonical bytes. */
const goEscaped = (text: string) => text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The same value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reversedKeys((value as Record<string, unknown>)[k])]));
  return value;
}

describe('the in-memory byte reader', () => {
  for (const file of files) {
    const name = file.split('/').slice(-2).join('/');
    it(`gives the same plan and digest as parsing the whole document: ${name}`, () => {
      const text = readFileSync(file, 'utf8');
      const reference = viaParse(text);
      expect(viaBytes(text)).toEqual(reference);
      // Bytes that are not canonical take the general path and must agree: pretty-printed,
      // keys out of order, strings escaped as Go writes them.
      // (Outputs keep the document's order, so each variant is compared with its own reference.)
      const doc = JSON.parse(text) as unknown;
      for (const variant of [JSON.stringify(doc, null, 2), JSON.stringify(reversedKeys(doc)), goEscaped(text)]) {
        const plan = viaBytes(variant);
        expect(plan).toEqual(viaParse(variant));
        expect(plan.digest).toBe(reference.digest);
      }
    });
  }

  it('compares attribute values by meaning, not by bytes', () => {
    const before = { a: 1, b: 1.5, c: 'x<y', d: { k: [1, 2] }, e: 100, big: 12345678901234567890, z: -0, ['__proto__']: 1, constructor: 2, tags: { Env: 'production' } };
    const text = JSON.stringify(tfPlan([rc({ actions: ['update'], before, after: { ...before, d: { k: [1, 3] } } })]))
      .replace('"e":100', '"e":1e2')
      .replace('"b":1.5', '"b":15e-1')
      .replace('"a":1,', '"a":1.0,');
    const plan = viaBytes(text);
    expect(plan).toEqual(viaParse(text));
    expect(plan.changes[0]!.changedAttributes).toEqual(['d']);
    expect(plan.changes[0]!.tagsBefore).toEqual({ Env: 'production' });
  });

  it('keeps "__proto__" and "constructor" attributes as JSON.parse does', () => {
    const text =
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"actions":["update"],' +
      '"before":{"__proto__":1,"constructor":1,"x":1},"after":{"__proto__":2,"constructor":1,"x":1}}}]}';
    const plan = viaBytes(text);
    expect(plan).toEqual(viaParse(text));
    expect(plan.changes[0]!.changedAttributes).toEqual(['__proto__']);
    // An attribute on one side only has changed, whatever its name or value.
    const oneSided =
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"actions":["update"],' +
      '"before":{"__proto__":{},"toString":{},"x":1},"after":{"x":1},"after_unknown":{"constructor":true}}}]}';
    expect(viaBytes(oneSided)).toEqual(viaParse(oneSided));
    expect(viaBytes(oneSided).changes[0]!.changedAttributes).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('keeps tags called "__proto__" and "constructor" as tags', () => {
    const text =
      '{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"actions":["delete"],' +
      '"before":{"tags":{"__proto__":"p","constructor":"c","Environment":"production"}},"after":null}}]}';
    for (const plan of [viaBytes(text), viaParse(text)]) {
      const tags = plan.changes[0]!.tagsBefore;
      expect(Object.keys(tags)).toEqual(['__proto__', 'constructor', 'Environment']);
      expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
      expect(JSON.stringify(tags)).toBe('{"__proto__":"p","constructor":"c","Environment":"production"}');
    }
  });

  it('refuses malformed JSON anywhere, also in the parts it does not build', () => {
    const good = JSON.stringify({ ...tfPlan([rc({ actions: ['delete'] })]), planned_values: { root_module: { resources: [{ values: { a: true } }] } } });
    for (const bad of [good.replace('"a":true', '"a":tru'), good.replace('"a":true', '"a":true,'), good.replace('{"values"', '{values'), good.slice(0, -1)]) {
      expect(() => viaBytes(bad)).toThrowError(InputError);
      expect(() => viaBytes(bad)).toThrowError(/p\.json: not valid JSON \(/);
    }
    expect(() => viaBytes(good.slice(0, good.indexOf('planned_values') + 40))).toThrowError(/looks truncated/);
    expect(() => viaBytes(`${good} x`)).toThrowError(/after the end of the document/);
    expect(() => viaBytes(good.replace('"a":true', '"a":"x\ty"'))).toThrowError(/control character in a string at line 1, column \d+/);
  });

  it('refuses a key Terraform writes once that appears twice', () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'] })])).replace('"resource_changes":', '"resource_changes":[],"resource_changes":');
    expect(() => viaBytes(text)).toThrowError(/p\.json: not a valid Terraform plan: duplicate key "resource_changes"$/);
    // Which variables are sensitive must not depend on which copy a reader keeps.
    const config = JSON.stringify(tfPlan([], { configuration: { root_module: { variables: { a: { sensitive: true } } } } })).replace(
      '"variables":{"a"',
      '"variables":{},"variables":{"a"',
    );
    expect(() => viaBytes(config)).toThrowError(/duplicate key "variables" in configuration\.root_module$/);
  });

  it('refuses nesting deeper than it tracks, without overflowing the stack', () => {
    const deep = `{"format_version":"1.2","planned_values":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(() => viaBytes(deep)).toThrowError(/nested deeper than 10000 levels/);
  });

  it('agrees with JSON.parse on which documents are JSON (random damage to real plans)', () => {
    const random = seededRandom(7);
    const sources = [readFileSync(join(repoRoot, 'examples/demo/agent-drift-fix.plan.json'), 'utf8'), JSON.stringify(JSON.parse(readFileSync(generated, 'utf8')), null, 1).slice(0, 20_000)];
    let checked = 0;
    for (let round = 0; round < 600; round++) {
      const { text, at } = damaged(sources[round % sources.length]!, random);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        expect(() => viaBytes(text), text.slice(Math.max(0, at - 30), at + 30)).toThrowError(/not valid JSON/);
        checked++;
        continue;
      }
      let reference: Plan | Error;
      try {
        reference = parseTerraformPlan(parsed, { path: 'p.json', inputNotes: [] });
      } catch (e) {
        reference = e as Error;
      }
      if (reference instanceof Error) expect(() => viaBytes(text)).toThrowError(InputError);
      else expect(viaBytes(text)).toEqual(reference);
      checked++;
    }
    expect(checked).toBe(600);
  });
});

describe('canonical bytes', () => {
  it('are told apart from bytes that only look canonical', () => {
    const base = tfPlan([rc({ actions: ['update'], before: { a: 1, b: [1, 2], t: { x: 'y' } }, after: { a: 2, b: [1, 2], t: { x: 'y' } } })]);
    const reference = viaParse(JSON.stringify(base)).digest;
    const text = JSON.stringify(base);
    for (const variant of [
      text.replace('"before":{', '"before":{ '),
      text.replace('"before":{', '"before": {'),
      text.replace('"b":[1,2]', '"b":[ 1,2]'),
      text.replace('"b":[1,2]', '"b":[1 ,2]'),
      text.replace('"b":[1,2]', '"b":[1,2 ]'),
      text.replace('"t":{"x":"y"}', '"t":{"x" :"y"}'),
      text.replace('"t":{"x":"y"}', '"t":{"x":"y" }'),
      text.replace('"t":{"x":"y"}', '"t":{"\\u0078":"y"}'),
      text.replace('"a":1', '"a":1.0'),
      text.replace('"a":1', '"a":1e0'),
      text.replace('"before":{"a":1,', '"before":{"b":[1,2],"a":1,').replace(',"b":[1,2],"t"', ',"t"'),
    ]) {
      expect(variant).not.toBe(text);
      expect(viaBytes(variant).digest, variant).toBe(reference);
    }
  });
});

describe('entries the WebAssembly walker leaves to JSON.parse', () => {
  // plan-entry.as.ts reads keys by their bytes and keeps its output in fixed scratch space:
  // anything else is parsed whole (the slower path). Either way the plan is the same.
  const before = { a: 1, b: 'x', tags: { Env: 'production', Team: 'db' } };
  const after = { a: 2, b: 'x', tags: { Env: 'production', Team: 'data' } };
  const text = JSON.stringify(tfPlan([rc({ actions: ['update'], before, after }), rc({ address: 'terraform_data.y', actions: ['delete'], before })]));
  const many = (n: number, last: number) => Object.fromEntries([...Array(n).keys()].map((k) => [`attr_${String(k).padStart(4, '0')}`, k === n - 1 ? last : k]));
  const cases: [string, string][] = [
    ['an escaped key in the entry', text.replace('"address":"terraform_data.x"', '"addr\\u0065ss":"terraform_data.x"')],
    ['an escaped key in change', text.replace('"before":{"a":1', '"bef\\u006fre":{"a":1')],
    ['an escaped tag attribute in before', text.replace('"before":{"a":1,"b":"x","tags"', '"before":{"a":1,"b":"x","t\\u0061gs"')],
    ['a repeated key in the entry', text.replace('"address":"terraform_data.x"', '"address":"terraform_data.q","address":"terraform_data.x"')],
    ['a repeated change', text.replace('"change":{', '"change":{"actions":["delete"]},"change":{')],
    ['a repeated key in change', text.replace('"after":{"a":2', '"after":{},"after":{"a":2')],
    ['a repeated attribute', text.replace('"after":{"a":2', '"after":{"a":1,"a":2')],
    ['more attributes than the walker compares', JSON.stringify(tfPlan([rc({ actions: ['update'], before: many(600, 1), after: many(600, 2) })]))],
    ['an entry whose reduced text outgrows the scratch space', JSON.stringify(tfPlan([rc({ actions: ['update'], before, after: { ...after, tags: { Big: 'x'.repeat(1_100_000) } } })]))],
    ['more keys in the entry than the walker notes', text.replace('"address":"terraform_data.x"', `${[...Array(70).keys()].map((k) => `"extra_${k}":${k}`).join(',')},"address":"terraform_data.x"`)],
  ];
  for (const [what, variant] of cases) {
    it(`gives the same plan and digest: ${what}`, async () => {
      expect(variant).not.toBe(text);
      const reference = viaParse(variant);
      expect(viaBytes(variant)).toEqual(reference);
      const streamed = await streamTerraformPlan(Readable.from([Buffer.from(variant)]), { path: 'p.json' });
      expect(streamed.digest).toBe(reference.digest);
      expect(streamed.changes).toEqual(reference.changes);
    });
  }

  it('hashes an escaped key as the key it stands for', () => {
    expect(viaBytes(cases[1]![1]).digest).toBe(viaParse(text).digest);
    expect(viaBytes(cases[2]![1]).changes[0]!.tagsBefore).toEqual({ Env: 'production', Team: 'db' });
  });
});

describe('random entries, as the WebAssembly walker reads them and as JSON.parse does', () => {
  // Entries built to stress what the walker decides by itself: which attributes changed (canonical
  // bytes or not), the tag maps and their masks, after_unknown, names like "__proto__", keys in any
  // order, Go's escapes, whitespace, repeated keys. The plan (digest included) must be the same.
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[random(list.length)]!;
  const NAMES = ['a', 'b', 'id', 'arn', 'tags', 'tags_all', 'labels', 'user_labels', 'resource_labels', '__proto__', 'constructor', 'x<y', 'é', 'Env', 'env'];
  const scalar = (): unknown => pick<() => unknown>([() => null, () => true, () => false, () => random(1000), () => -random(50), () => 1.5, () => 1e21, () => pick(['', 'x', 'a<b>&c', 'é✓', 'production', 'prod-eu', 'line\nbreak', 'quote"q', '\u2028'])])();
  const value = (depth: number): unknown => {
    const kind = random(depth > 2 ? 1 : 4);
    if (kind === 1) return Array.from({ length: random(3) }, () => value(depth + 1));
    if (kind === 2) return object(depth + 1, random(4));
    if (kind === 3) return tagMap();
    return scalar();
  };
  const object = (depth: number, size: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < size; k++) Object.defineProperty(o, pick(NAMES), { value: value(depth), enumerable: true, writable: true, configurable: true });
    return o;
  };
  const tagMap = (): Record<string, unknown> => Object.fromEntries(Array.from({ length: random(4) }, () => [pick(['Environment', 'Name', 'env', 'Team', '__proto__', 'constructor']), random(5) === 0 ? random(9) : pick(['production', 'staging', 'prod', 'x<y'])]));
  const mask = (): unknown => pick<() => unknown>([() => ({}), () => true, () => false, () => ({ tags: { Environment: true } }), () => ({ tags_all: true, labels: {} }), () => undefined])();
  const shuffled = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shuffled);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v);
    for (let k = keys.length - 1; k > 0; k--) {
      const j = random(k + 1);
      [keys[k], keys[j]] = [keys[j]!, keys[k]!];
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) Object.defineProperty(out, key, { value: shuffled((v as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  const entry = (n: number): Record<string, unknown> => {
    const before = random(5) === 0 ? null : object(1, random(7));
    let after: unknown = random(5) === 0 ? null : before === null || random(3) === 0 ? object(1, random(7)) : { ...before };
    if (after !== null && typeof after === 'object' && random(2) === 0) Object.defineProperty(after, pick(NAMES), { value: value(2), enumerable: true, writable: true, configurable: true });
    if (random(6) === 0) after = JSON.parse(JSON.stringify(after)); // same values, maybe other bytes
    const change: Record<string, unknown> = { actions: pick([['update'], ['delete'], ['create'], ['no-op'], ['delete', 'create'], ['create', 'delete'], ['read'], ['forget']]), before, after };
    for (const [key, make] of [['before_sensitive', mask], ['after_sensitive', mask], ['after_unknown', () => pick([{}, { a: true }, { id: true, tags: { x: true } }, { b: false }, true])]] as const) {
      const v = make();
      if (v !== undefined) change[key] = v;
    }
    if (random(4) === 0) change.replace_paths = [[pick(NAMES)], ['tags', 'Environment']];
    return { address: `aws_thing.r${n}`, mode: 'managed', type: 'aws_thing', name: `r${n}`, provider_name: 'registry.terraform.io/hashicorp/aws', index: random(3) === 0 ? 'k<1>' : n, change };
  };
  const variants = (text: string): string[] => [
    text,
    goEscaped(text),
    text.replace(/"tags":/g, '"t\\u0061gs":'),
    text.replace(/,"change":\{/, ',"change":{"actions":["no-op"]},"change":{'),
    text.replace(/"before":\{(?=")/, '"before":{"a":0,'),
  ];
  it('give the same plans and digests (1,500 plans, in memory, a tenth also streamed in 5-byte chunks)', async () => {
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const doc = tfPlan(Array.from({ length: 1 + random(3) }, (_, n) => entry(n)));
      const compact = JSON.stringify(shuffled(doc));
      for (const text of variants(random(4) === 0 ? JSON.stringify(JSON.parse(compact), null, random(2) === 0 ? 2 : '\t') : compact)) {
        let reference: Plan | Error;
        try {
          reference = viaParse(text);
        } catch (e) {
          reference = e as Error;
        }
        if (reference instanceof Error) {
          expect(() => viaBytes(text), text).toThrowError(reference instanceof SyntaxError ? /not valid JSON/ : reference.message);
          continue;
        }
        expect(viaBytes(text), text).toEqual(reference);
        if (round % 10 === 0) {
          const bytes = Buffer.from(text);
          const pieces = Array.from({ length: Math.ceil(bytes.length / 5) }, (_, k) => bytes.subarray(k * 5, k * 5 + 5));
          const streamed = await streamTerraformPlan(Readable.from(pieces), { path: 'p.json' }, 1);
          expect(streamed.digest, text).toBe(reference.digest);
          expect(streamed.changes, text).toEqual(reference.changes);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1200);
  });
});

describe('schema problems', () => {
  it('are said in words (zod/mini has no messages of its own)', () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'] })])).replace('"address":"terraform_data.x"', '"address":5');
    expect(() => viaBytes(text)).toThrowError(/resource_changes\[0\]\.address: Invalid input: expected string, received number$/);
    expect(() => viaBytes(JSON.stringify(tfPlan([], { errored: 'yes' })))).toThrowError(/errored: Invalid input: expected boolean, received string$/);
  });
});

describe('reading a large plan a slice at a time', () => {
  it('gives the same plan, pausing between slices (so a progress line can tick)', async () => {
    for (const file of [generated, join(repoRoot, 'examples/demo/agent-drift-fix.plan.json')]) {
      const bytes = readFileSync(file);
      let pauses = 0;
      const read = (await readTerraformDocumentsInSlices(bytes, file, () => new Promise<void>((resolve) => setImmediate(() => (pauses++, resolve()))), 997))[0]!.plan;
      const [plan] = plansFromDocuments([{ path: file, doc: read!.doc, notes: [], ...(read!.changes ? { terraformChanges: read!.changes } : {}) }], {});
      expect(plan).toEqual(viaParse(bytes.toString('utf8'), file));
      expect(pauses).toBeGreaterThan(bytes.length / 997 - 2);
    }
  });

  it('gives the same dependency graph, whether a window holds a prior_state resource array whole or not', async () => {
    const state = (address: string, dependsOn?: string[]) => ({ address, mode: 'managed', type: address.split('.').at(-2), values: { id: address, padding: 'x'.repeat(300) }, ...(dependsOn ? { depends_on: dependsOn } : {}) });
    const withState = tfPlan([rc({ address: 'aws_vpc.main', type: 'aws_vpc', actions: ['delete'] })], {
      prior_state: {
        values: {
          root_module: {
            resources: [state('aws_vpc.main'), state('aws_eip.x')],
            child_modules: [
              { address: 'module.a', resources: [state('module.a.aws_eip.y'), state('module.a.aws_eip.z')] },
              { address: 'module.b', resources: [state('module.b.aws_subnet.s', ['aws_vpc.main']), state('module.b.aws_eip.w')] },
            ],
          },
        },
      },
    });
    const generatedFile = join(work, 'with-state.json');
    writeFileSync(generatedFile, JSON.stringify(withState));
    for (const file of [generatedFile, ...['judgment-db-replace', 'judgment-cache-and-db', 'judgment-staging-blast'].map((name) => join(fixturesDir, 'terraform', name, 'plan.json'))]) {
      const name = file.split('/').slice(-2).join('/');
      const bytes = readFileSync(file);
      const reference = viaParse(bytes.toString('utf8'), file);
      expect(reference.dependencies!.edges.length, name).toBeGreaterThan(0);
      for (const slice of [61, 997, 8192]) {
        const read = (await readTerraformDocumentsInSlices(bytes, file, () => Promise.resolve(), slice))[0]!.plan;
        const [plan] = plansFromDocuments([{ path: file, doc: read!.doc, notes: [], ...(read!.changes ? { terraformChanges: read!.changes } : {}) }], {});
        expect(plan!.dependencies, `${name}, slices of ${slice}`).toEqual(reference.dependencies);
      }
    }
  });

  it('still refuses a truncated plan, at its real end', async () => {
    const text = JSON.stringify(tfPlan([rc({ actions: ['delete'] })]));
    await expect(parseDecodedInSlices({ kind: 'utf8', bytes: Buffer.from(text.slice(0, -3)), notes: [] }, 'p.json', () => Promise.resolve())).rejects.toThrowError(
      /p\.json: not valid JSON \(unexpected end of input\) — the file looks truncated/,
    );
  });
});
