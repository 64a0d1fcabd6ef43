import { buildSync } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Installs the fake provider the way an air-gapped team installs any provider: a filesystem
 * mirror in the unpacked layout (HOSTNAME/NAMESPACE/TYPE/VERSION/TARGET/terraform-provider-TYPE_vVERSION)
 * and a CLI configuration (TF_CLI_CONFIG_FILE) whose provider_installation reads only that
 * mirror for example.test/steer/*. `terraform init` then symlinks the package into
 * .terraform/providers and records its version and h1: hash in .terraform.lock.hcl.
 */
export const FAKE_PROVIDER_SOURCE = 'example.test/steer/fake';
export const FAKE_PROVIDER_VERSIONS = ['1.0.0', '1.0.1'] as const;

const sourceDir = dirname(fileURLToPath(import.meta.url));
/** Where the provider's .proto files are (tests that talk to it directly load them too). */
export const fakeProviderProtoDir = sourceDir;
const PROTOS = ['tfplugin6.proto', 'go-plugin.proto', 'health.proto'];

export interface FakeProviderMirror {
  /** The filesystem mirror's root. */
  readonly dir: string;
  /** The environment for every terraform (and steer) run that should see the provider. */
  readonly env: Record<string, string | undefined>;
}

let bundled: string | undefined;

/** The provider as one CommonJS file (all of @grpc/grpc-js, proto-loader, msgpack, x509 inside), built once per test process. */
function bundle(): string {
  if (bundled !== undefined) return bundled;
  for (const f of ['main.ts', ...PROTOS]) {
    if (!existsSync(join(sourceDir, f))) throw new Error(`the fake Terraform provider is incomplete: ${join(sourceDir, f)} is missing (it is part of the repository)`);
  }
  const out = mkdtempSync(join(tmpdir(), 'steer-fake-provider-'));
  try {
    buildSync({ entryPoints: [join(sourceDir, 'main.ts')], outfile: join(out, 'provider.cjs'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'silent' });
  } catch (e) {
    throw new Error(`could not bundle the fake Terraform provider (${sourceDir}): ${e instanceof Error ? e.message : String(e)}\nIts libraries are devDependencies: run "npm ci".`);
  }
  bundled = out;
  return out;
}

/** Terraform's name for this platform (GOOS_GOARCH). */
function terraformPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  const a = arch[process.arch];
  if (a === undefined) throw new Error(`the fake Terraform provider has no platform name for ${process.arch}`);
  return `${process.platform}_${a}`;
}

/** The executable of one version in the mirror, as terraform would start it. */
export const fakeProviderLauncher = (mirror: FakeProviderMirror, version: string) =>
  join(mirror.dir, FAKE_PROVIDER_SOURCE, version, terraformPlatform(), `terraform-provider-fake_v${version}`);

/** A mirror under `root` holding each version, and a CLI configuration that installs from it alone. */
export function fakeProviderMirror(root: string, versions: readonly string[] = FAKE_PROVIDER_VERSIONS): FakeProviderMirror {
  const built = bundle();
  const dir = join(root, 'provider-mirror');
  for (const version of versions) {
    const pkg = join(dir, FAKE_PROVIDER_SOURCE, version, terraformPlatform());
    mkdirSync(pkg, { recursive: true });
    for (const f of ['provider.cjs']) copyFileSync(join(built, f), join(pkg, f));
    for (const f of PROTOS) copyFileSync(join(sourceDir, f), join(pkg, f));
    // The executable terraform starts. It runs the node that runs the tests.
    const launcher = join(pkg, `terraform-provider-fake_v${version}`); // the name fakeProviderLauncher gives
    writeFileSync(launcher, `#!/bin/sh\nSTEER_FAKE_PROVIDER_VERSION=${version} exec '${process.execPath}' "$(dirname "$0")/provider.cjs"\n`);
    chmodSync(launcher, 0o755);
  }
  // Only the mirror, no `direct` block: nothing is ever fetched from a network, whatever a configuration asks for.
  const cliConfig = join(root, 'terraform-cli.tfrc');
  writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(dir)}\n    include = ["example.test/steer/*"]\n  }\n}\n`);
  // No plugin cache, and .terraform in the working directory: a developer's TF_PLUGIN_CACHE_DIR or
  // TF_DATA_DIR would put the installed package outside the test's directory.
  return { dir, env: { TF_CLI_CONFIG_FILE: cliConfig, TF_PLUGIN_CACHE_DIR: undefined, TF_DATA_DIR: undefined, CHECKPOINT_DISABLE: '1' } };
}

/** A `terraform` block requiring the fake provider (any version when no constraint is given: the lock file decides). */
export const requireFakeProvider = (constraint?: string) =>
  `terraform {\n  required_providers {\n    fake = {\n      source  = "${FAKE_PROVIDER_SOURCE}"\n${constraint !== undefined ? `      version = "${constraint}"\n` : ''}    }\n  }\n}\n`;
