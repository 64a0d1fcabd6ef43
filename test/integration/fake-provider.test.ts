import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTerraformPlan } from '../../src/sources/terraform/parse.js';
import { runCli } from '../support/run-cli.js';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE, serverCertificate } from '../support/terraform-provider/go-plugin.js';
import { FAKE_PROVIDER_SOURCE, fakeProviderLauncher, fakeProviderMirror, fakeProviderProtoDir, requireFakeProvider, type FakeProviderMirror } from '../support/terraform-provider/mirror.js';
import { requireTerraform, terraform } from '../support/terraform.js';

// The test provider (test/support/terraform-provider): a real plugin that terraform installs from
// a filesystem mirror, starts with go-plugin's handshake and AutoMTLS, and drives over
// tfplugin6 — so tests can have third-party providers, provider blocks and lock files.
const tf = requireTerraform();
let root: string;
let mirror: FakeProviderMirror;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'steer-fake-provider-'));
  mirror = fakeProviderMirror(root, ['1.0.0']);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh working directory with `main.tf`. */
function workDir(name: string, config: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), config);
  return dir;
}
const run = (dir: string, args: string[]) => terraform(tf, dir, args, mirror.env);
const thing = (region: string, name = 'a', payload = 'x') =>
  `${requireFakeProvider()}provider "fake" {\n  region   = "${region}"\n  endpoint = "https://api.example.test"\n}\nresource "fake_thing" "a" {\n  name    = "${name}"\n  payload = "${payload}"\n}\n`;
/** The thing's attributes in the local state file (read as a file: `show -json` would start the provider once more). */
const stateOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')).resources[0]?.instances[0].attributes as Record<string, string> | undefined;
/** `plan -out` and the change it shows. */
function plan(dir: string, extra: string[] = []): { actions: string[]; replace_paths?: string[][] } {
  run(dir, ['plan', '-input=false', '-out=tfplan', ...extra]);
  return JSON.parse(run(dir, ['show', '-json', 'tfplan'])).resource_changes[0].change;
}

describe('the plugin handshake (hashicorp/go-plugin, as terraform starts providers)', () => {
  const protos = protoLoader.loadSync(['go-plugin.proto', 'health.proto'], { includeDirs: [fakeProviderProtoDir], keepCase: true, enums: String });
  const loaded = grpc.loadPackageDefinition(protos) as unknown as {
    grpc: { health: { v1: { Health: grpc.ServiceClientConstructor } } };
    plugin: { GRPCController: grpc.ServiceClientConstructor };
  };

  /** Starts the launcher as go-plugin does; resolves with the handshake line's fields. */
  function start(env: Record<string, string>) {
    const child = spawn(fakeProviderLauncher(mirror, '1.0.0'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    const line = new Promise<string[]>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0]!.split('|'));
      });
      void exited.then((code) => reject(new Error(`the provider exited (${code}) before its handshake: ${stderr}`)));
    });
    return { child, line, exited, stderr: () => stderr };
  }

  it('serves TLS with the certificate of its handshake line, requires the client certificate, reports "plugin" SERVING and ends on Shutdown', async () => {
    const client = await serverCertificate();
    const p = start({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem });
    const [core, app, network, address, protocol, cert] = await p.line;
    expect([core, app, network, protocol]).toEqual(['1', '6', 'unix', 'grpc']);
    expect(cert).toMatch(/^[A-Za-z0-9+/]+$/); // unpadded standard base64
    const server = new X509Certificate(Buffer.from(cert!, 'base64'));
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.ca).toBe(true);
    const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
    const withCert = grpc.credentials.createSsl(Buffer.from(server.toString()), Buffer.from(client.keyPem), Buffer.from(client.certPem));
    const health = new loaded.grpc.health.v1.Health(`unix://${address}`, withCert, options);
    const check = (c: grpc.Client, service: string) =>
      new Promise<{ status: string }>((resolve, reject) => (c as unknown as Record<string, Function>).Check!({ service }, { deadline: Date.now() + 10_000 }, (e: Error | null, r: { status: string }) => (e ? reject(e) : resolve(r))));
    expect(await check(health, 'plugin')).toEqual({ status: 'SERVING' });
    health.close();
    // Another client certificate (or none) is refused by the TLS handshake.
    const stranger = await serverCertificate();
    const strangerHealth = new loaded.grpc.health.v1.Health(`unix://${address}`, grpc.credentials.createSsl(Buffer.from(server.toString()), Buffer.from(stranger.keyPem), Buffer.from(stranger.certPem)), options);
    await expect(check(strangerHealth, 'plugin')).rejects.toThrow(/UNAVAILABLE/);
    strangerHealth.close();
    const controller = new loaded.plugin.GRPCController(`unix://${address}`, withCert, options);
    await new Promise((resolve, reject) => (controller as unknown as Record<string, Function>).Shutdown!({}, (e: Error | null) => (e ? reject(e) : resolve(undefined))));
    controller.close();
    expect(await p.exited).toBe(0);
    expect(existsSync(address!)).toBe(false); // the socket is removed
  });

  it('refuses to run when terraform did not start it (no magic cookie), or offers no protocol 6', async () => {
    const direct = start({ [MAGIC_COOKIE_KEY]: '' });
    await expect(direct.line).rejects.toThrow(/not meant to be run directly/);
    expect(await direct.exited).toBe(1);
    const old = start({ [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '4,5' });
    await expect(old.line).rejects.toThrow(/speaks plugin protocol 6; the client offered 4,5/);
  });
});

describe('terraform with the fake provider', () => {
  it('init installs it from the filesystem mirror (a link inside the test directory) and the lock file records its version and h1 hash', () => {
    const dir = workDir('init', thing('eu-1'));
    run(dir, ['init', '-input=false']);
    const lock = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toMatch(/provider "example\.test\/steer\/fake" \{\n\s+version = "1\.0\.0"\n\s+hashes = \[\n\s+"h1:[A-Za-z0-9+/=]{44}",\n\s+\]/);
    const installed = join(dir, '.terraform/providers', FAKE_PROVIDER_SOURCE, '1.0.0');
    const platform = join(installed, readdirSync(installed)[0]!); // linux_amd64, …
    expect(lstatSync(platform).isSymbolicLink()).toBe(true);
    expect(realpathSync(platform).startsWith(realpathSync(mirror.dir))).toBe(true);
  });

  // About twenty terraform commands, each starting the provider: more time than the default on a busy machine.
  it('plan -out, show -json and apply go through it: create, update in place, replace when the name changes, destroy', { timeout: 180_000 }, () => {
    const dir = workDir('lifecycle', thing('eu-1'));
    run(dir, ['init', '-input=false']);
    run(dir, ['plan', '-input=false', '-out=tfplan']);
    const shown = JSON.parse(run(dir, ['show', '-json', 'tfplan']));
    expect(shown.resource_changes[0]).toMatchObject({ address: 'fake_thing.a', provider_name: FAKE_PROVIDER_SOURCE, change: { actions: ['create'], after: { name: 'a', payload: 'x', region: 'eu-1' }, after_unknown: { id: true } } });
    expect(shown.configuration.provider_config.fake).toMatchObject({ name: 'fake', full_name: FAKE_PROVIDER_SOURCE, expressions: { region: { constant_value: 'eu-1' } } });
    run(dir, ['apply', '-input=false', 'tfplan']);
    const created = stateOf(dir)!;
    expect(created).toMatchObject({ name: 'a', payload: 'x', region: 'eu-1', id: expect.stringMatching(/^a-v1\.0\.0-[0-9a-f]{8}$/) });

    writeFileSync(join(dir, 'main.tf'), thing('eu-2', 'a', 'y')); // payload and the provider's region: in place
    expect(plan(dir).actions).toEqual(['update']);
    run(dir, ['apply', '-input=false', 'tfplan']);
    expect(stateOf(dir)).toEqual({ ...created, payload: 'y', region: 'eu-2' });

    writeFileSync(join(dir, 'main.tf'), thing('eu-2', 'b', 'y'));
    expect(plan(dir)).toMatchObject({ actions: ['delete', 'create'], replace_paths: [['name']] });
    run(dir, ['apply', '-input=false', 'tfplan']);
    expect(stateOf(dir)!.id).toMatch(/^b-v1\.0\.0-/);

    expect(plan(dir, ['-destroy']).actions).toEqual(['delete']);
    run(dir, ['apply', '-input=false', 'tfplan']);
    expect(stateOf(dir)).toBeUndefined();
  });

  it('its diagnostics reach terraform: a provider block whose endpoint is not https:// fails validation', () => {
    const dir = workDir('invalid', thing('eu-1').replace('https://api.example.test', 'http://api.example.test'));
    run(dir, ['init', '-input=false']);
    expect(() => run(dir, ['plan', '-input=false'])).toThrow(/endpoint must be an https:\/\/ URL/);
  });

  it('a newer version in the mirror is taken only by init -upgrade, and then the lock file records another version and hash', () => {
    const dir = workDir('upgrade', thing('eu-1'));
    run(dir, ['init', '-input=false']);
    const before = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    fakeProviderMirror(root, ['1.0.1']);
    run(dir, ['init', '-input=false']);
    expect(readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8')).toBe(before);
    run(dir, ['init', '-input=false', '-upgrade']);
    const after = readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8');
    expect(after).toMatch(/version = "1\.0\.1"/);
    expect(after.match(/"h1:[^"]+"/)![0]).not.toBe(before.match(/"h1:[^"]+"/)![0]);
  });
});

describe('Steer on a real plan of a third-party provider', () => {
  it('plan-check reads the saved plan (terraform show -json starts the provider): provider_name and the provider block', () => {
    const dir = workDir('steer', thing('eu-1'));
    run(dir, ['init', '-input=false']);
    run(dir, ['plan', '-input=false', '-out=tfplan']);
    const r = runCli(['plan-check', 'tfplan', '--format', 'json'], { cwd: dir, env: mirror.env });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.plans[0].changes).toMatchObject([{ address: 'fake_thing.a', action: 'create', provider: FAKE_PROVIDER_SOURCE }]);
    expect(report.plans[0].artifact).toMatch(/^sha256:[0-9a-f]{64}$/);
    const plan = parseTerraformPlan(JSON.parse(run(dir, ['show', '-json', 'tfplan'])), { path: 'tfplan.json' });
    expect(plan.source).toBe('terraform'); // a provider from another registry host is not OpenTofu's
    expect(plan.configuration?.providers).toEqual({
      fake: { name: 'fake', fullName: FAKE_PROVIDER_SOURCE},
    });
  });
});
