import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// Every way a plan can be refused, with a sensitive value right where it fails: the one-line
// error says the file, the kind of problem and where — never the bytes there.
const SECRET = 'Hunter2SecretValue';
const work = mkdtempSync(join(tmpdir(), 'steer-error-secrets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const head = '{"format_version":"1.2","terraform_version":"1.11.4","configuration":{"root_module":{"variables":{"db_password":{"sensitive":true}}}},"variables":{"db_password":{"value":';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const rc = (fields: string) => `${head}"x"}},"resource_changes":[{"address":"a.b","type":"a","mode":"managed","name":"b",${fields}}]}`;

const cases: [name: string, bytes: Buffer | string][] = [
  ['a bare word where a value belongs', `${head}${SECRET}}}}`],
  ['the file ends inside the value', `${head}"${SECRET}`],
  ['a control character inside the value', `${head}"${SECRET}\u0001${SECRET}"}}}`],
  ['an invalid escape inside the value', `${head}"${SECRET}\\q${SECRET}"}}}`],
  ['a stray byte after the value', `${head}"x"}}}${SECRET}`],
  ['invalid UTF-8 inside the value', Buffer.concat([Buffer.from(`${head}"${SECRET}`), Buffer.from([0xc3, 0x28]), Buffer.from(`${SECRET}"}}}`)])],
  ['UTF-16LE: a bare word where a value belongs', utf16le(`${head}${SECRET}}}}`)],
  ['UTF-16LE: the file ends inside the value', utf16le(`${head}"${SECRET}`)],
  ['UTF-16BE: a bare word where a value belongs', utf16be(`${head}${SECRET}}}}`)],
  ['UTF-16LE: an unpaired surrogate in the value', Buffer.concat([utf16le(`${head}"${SECRET}`), Buffer.from([0x00, 0xd8]), Buffer.from(`${SECRET}"}}}`, 'utf16le')])],
  ['the value where an action word belongs', rc(`"change":{"actions":["${SECRET}"]}`)],
  ['the value where a mode belongs', rc(`"change":{"actions":["create"]},"mode":"${SECRET}"`)],
  ['the value where a boolean belongs', `${head}"x"}},"errored":"${SECRET}"}`],
  ['the value as format_version', `{"format_version":"${SECRET}","resource_changes":[]}`],
  ['CloudFormation: the value as an action', JSON.stringify({ ChangeSetId: 'arn:aws:cloudformation:eu-west-1:1:changeSet/x/1', StackName: 's', Status: 'CREATE_COMPLETE', Parameters: [{ ParameterKey: 'P', ParameterValue: '****' }], Changes: [{ Type: 'Resource', ResourceChange: { Action: SECRET, LogicalResourceId: 'X', ResourceType: 'AWS::S3::Bucket' } }] })],
  ['CloudFormation: the value as a change type', JSON.stringify({ ChangeSetId: 'arn:aws:cloudformation:eu-west-1:1:changeSet/x/1', StackName: 's', Status: 'CREATE_COMPLETE', Changes: [{ Type: SECRET }] })],
];

describe('errors never quote the input', () => {
  for (const [name, bytes] of cases) {
    it(`${name}: one line, and the sensitive value appears in no output (in memory and streamed)`, () => {
      const dir = mkdtempSync(join(work, 'case-'));
      const file = join(dir, 'plan.json');
      writeFileSync(file, bytes);
      for (const extra of [[], ['--stream'], ['--format', 'json', '--out', join(dir, 'report.json')]]) {
        const r = runCli(['plan-check', file, ...extra]);
        expect(r.code, `${extra.join(' ')}: ${r.stderr}`).toBe(1);
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^steer: error: .*plan\.json: /);
        const written = readdirSync(dir).filter((f) => f !== 'plan.json').map((f) => readFileSync(join(dir, f), 'utf8'));
        for (const out of [r.stdout, r.stderr, ...written]) {
          expect(out).not.toContain(SECRET);
          expect(out).not.toContain(SECRET.slice(0, 4));
        }
      }
    });
  }
});
