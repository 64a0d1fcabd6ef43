import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/app/guard.js';
import { NO_LISTS } from '../../src/guard/decide.js';
import { runCli } from '../support/run-cli.js';

// The scripts a command runs are read and checked: "write deploy.sh, then run it" is the first way round a hook.
let dir: string;
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  chmodSync(join(dir, name), 0o755);
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'steer-scripts-'));
  mkdirSync(join(dir, 'scripts'));
  file('deploy.sh', '#!/bin/bash\nset -euo pipefail\ncd envs/prod\nterraform apply -auto-approve\n');
  file('scripts/outer.sh', 'echo building\nbash ./deploy.sh\n');
  file('nuke.py', '#!/usr/bin/env python3\nimport subprocess\nsubprocess.run("aws cloudformation delete-stack --stack-name prod", shell=True)\n');
  file('test.sh', '#!/bin/sh\nnpm test\nterraform plan -out=tfplan\n');
  file('gradlew', '#!/bin/sh\neval set -- $(printf "%s\\n" "$DEFAULT_JVM_OPTS" | xargs -n1)\nexec "$JAVACMD" "$@"\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'infra', scripts: { test: 'vitest run', build: 'tsc', deploy: 'cdk deploy --all --require-approval never', prerelease: 'bash ./deploy.sh', release: 'echo done' } }));
  writeFileSync(join(dir, 'Makefile'), 'TF ?= terraform\nENV := prod\n\n.PHONY: all plan apply nuke\nall: plan\n\nplan:\n\t@$(TF) -chdir=envs/$(ENV) plan -out=tfplan\n\napply: plan\n\t$(TF) -chdir=envs/$(ENV) apply tfplan\n\nnuke:\n\tfor s in $$(cat stacks); do aws cloudformation delete-stack --stack-name $$s; done\n\nclean: ; rm -rf .terraform\n');
  mkdirSync(join(dir, 'infra'));
  writeFileSync(join(dir, 'infra/Makefile'), 'deploy:\n\tcd stacks && \\\n\t  sam deploy --no-confirm-changeset\n');
  file('envs.sh', '#!/usr/bin/env -S bash -e\nterraform apply\n');
  writeFileSync(join(dir, 'nul.sh'), 'terraform apply -auto-approve\n# \u0000\n');
  writeFileSync(join(dir, 'plain.sh'), 'terraform apply\n');
  mkdirSync(join(dir, 'sub'));
  file('sub/deploy.sh', '#!/bin/sh\ntofu destroy -auto-approve\n');
  writeFileSync(join(dir, 'sub/Makefile'), 'apply:\n\tterraform apply\n');
  mkdirSync(join(dir, 'cdkapp'));
  writeFileSync(join(dir, 'cdkapp/package.json'), JSON.stringify({ scripts: { cdk: 'cdk', tool: 'cdk' } }));
  writeFileSync(join(dir, 'cdkapp/Makefile'), 'TF = echo\ndeploy:\n\t$(TF) apply\ntf-%:\n\tterraform $*\n');
  mkdirSync(join(dir, 'mono/packages/infra'), { recursive: true });
  writeFileSync(join(dir, 'mono/package.json'), JSON.stringify({ private: true, workspaces: ['packages/*'], scripts: { build: 'tsc -b' } }));
  writeFileSync(join(dir, 'mono/packages/infra/package.json'), JSON.stringify({ name: 'infra', scripts: { deploy: 'cdk deploy --all', test: 'vitest' } }));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app/package.json'), JSON.stringify({ scripts: { build: 'tsc', deploy: 'cdk deploy --all', ship: 'npm run build && npm run deploy', release: 'run-s build deploy', postinstall: 'terraform apply -auto-approve' } }));
  writeFileSync(join(dir, 'app/Makefile'), 'include deploy.mk\nship:\n\t$(MAKE) apply\n');
  writeFileSync(join(dir, 'app/deploy.mk'), 'apply:\n\tterraform apply -auto-approve\n');
  mkdirSync(join(dir, 'app/scripts'));
  file('app/scripts/run.sh', '#!/bin/bash\ncd "$(dirname "$0")"\n./apply.sh\n');
  file('app/scripts/apply.sh', '#!/bin/bash\ntofu apply -auto-approve\n');
  file('app/sheb.sh', '#!/usr/bin/env -S sh -c "terraform apply -auto-approve" --\necho hi\n');
  writeFileSync(join(dir, 'binary'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const check = (command: string) => checkCommand(command, NO_LISTS, dir);

describe('scripts the command runs', () => {
  it.each(['bash deploy.sh', './deploy.sh', 'sh -e ./deploy.sh', 'source deploy.sh', '. ./deploy.sh', 'sudo ./deploy.sh', 'cd . && ./deploy.sh'])('%s: denied, naming the script', (command) => {
    const d = check(command);
    expect(d.decision).toBe('deny');
    expect(d.reason).toMatch(/deploy\.sh runs what is denied: "terraform apply -auto-approve" changes real infrastructure/);
  });

  it('follows scripts into the scripts they run, and says the chain', () => {
    expect(check('bash scripts/outer.sh').reason).toMatch(/^scripts\/outer\.sh → \.\/deploy\.sh runs what is denied/);
  });

  it('reads scripts of other languages like inline code', () => {
    expect(check('./nuke.py').reason).toMatch(/nuke\.py runs what is denied: "aws cloudformation delete-stack/);
  });

  it('allows harmless scripts, wrappers full of eval and "$@", binaries and files that are not there', () => {
    for (const command of ['bash test.sh', './gradlew build', './binary', '/usr/bin/env ls', 'python3 -m pytest']) expect(check(command), command).toMatchObject({ decision: 'allow' });
  });

  it('denies what it cannot check: a script not written yet, one with a syntax error, one too large', () => {
    expect(check('./not-there.sh').reason).toMatch(/not-there\.sh does not exist yet/);
    expect(check("echo 'terraform apply' > /tmp/steer-x.sh && bash /tmp/steer-x.sh").decision).toBe('deny');
    file('broken.sh', 'terraform apply -auto-approve\nfi\n');
    expect(check('./broken.sh').reason).toMatch(/broken\.sh: the command could not be parsed .* a shell runs it up to the error/);
    file('big.sh', `echo hi\n${'#'.repeat(1 << 20)}\n`);
    expect(check('bash big.sh').reason).toMatch(/too large to check/);
  });

  it.each([
    ['npm run deploy', /package\.json script "deploy" runs what is denied: "cdk deploy --all/],
    ['yarn deploy', /package\.json script "deploy"/],
    ['pnpm run deploy', /package\.json script "deploy"/],
    ['npm run release', /package\.json script "release" → \.\/deploy\.sh runs what is denied/],
    ['make apply', /make apply runs what is denied: "terraform -chdir=envs\/prod apply tfplan" changes real infrastructure/], // TF ?= terraform: the default (the environment or the command line may set another)
    ['make nuke', /make nuke runs what is denied: "aws cloudformation delete-stack --stack-name \$\?"/],
    ['make -C infra deploy', /make deploy runs what is denied: "sam deploy --no-confirm-changeset"/],
  ])('%s: the task\'s code is checked', (command, reason) => {
    const d = check(command);
    expect(d.decision).toBe('deny');
    expect(d.reason).toMatch(reason);
  });

  it.each([
    ['./envs.sh', /envs\.sh runs what is denied/], // `#!/usr/bin/env -S bash -e` is bash
    ['bash nul.sh', /nul\.sh runs what is denied/], // a NUL after the first line doesn't make it a binary
    ['bash < plain.sh', /plain\.sh runs what is denied/],
    ['cd sub && ./deploy.sh', /deploy\.sh runs what is denied: "tofu destroy/],
    ['cd sub && make apply', /make apply runs what is denied/],
    ['make -Csub apply', /make apply runs what is denied/],
    ['make --directory=sub apply', /make apply runs what is denied/],
    // denied already as a runner of the cdk binary; the package script says the same
    ['cd cdkapp && npm run cdk -- deploy', /cdk (-- )?deploy/],
    ['cd cdkapp && pnpm run cdk deploy', /cdk deploy/],
    ['pnpm -C cdkapp cdk deploy', /cdk deploy/],
    ['npm --prefix cdkapp run cdk -- deploy', /cdk (-- )?deploy/],
    ['npm --prefix cdkapp run tool -- deploy', /package\.json script "tool" runs what is denied: "cdk deploy"/],
    ['make -C cdkapp deploy TF=terraform', /make deploy runs what is denied: "terraform apply"/],
    ['make -C cdkapp tf-apply', /make tf-apply runs what is denied: "terraform apply"/],
    ['make -C sub $TARGET', /make .* runs what is denied/],
    ['cd $DIR && ./deploy.sh', /in a directory that cannot be known/],
  ])('%s: denied', (command, reason) => {
    const d = check(command);
    expect(d.decision).toBe('deny');
    expect(d.reason).toMatch(reason);
  });

  it.each([
    ['npm run deploy -w packages/infra', 'mono'],
    ['npm run deploy --workspaces', 'mono'],
    ['pnpm -r run deploy', 'mono'],
    ['yarn workspace infra deploy', 'mono'],
    ['npm run ship', 'app'], // a script that runs another
    ['npm run release', 'app'], // npm-run-all
    ['npm ci', 'app'], // postinstall
    ['make ship', 'app'], // $(MAKE) and an included .mk
    ['./scripts/run.sh', 'app'], // cd "$(dirname "$0")" && ./apply.sh
    ['./sheb.sh', 'app'], // the #! line is a command
    ["echo 'terraform destroy -auto-approve' > x.sh && bash x.sh", 'app'], // written, then run
    ['aws-vault exec prod -- npm run deploy', 'app'],
  ])('%s (in %s): denied, through the files it runs', (command, where) => {
    expect(checkCommand(command, NO_LISTS, join(dir, where)).decision).toBe('deny');
  });

  it('workspace scripts that are harmless stay allowed', () => {
    expect(checkCommand('npm test --workspaces', NO_LISTS, join(dir, 'mono')).decision).toBe('allow');
    expect(checkCommand('npm run build', NO_LISTS, join(dir, 'app')).decision).toBe('allow');
  });

  it('harmless tasks, and the default make target, are allowed', () => {
    for (const command of ['npm test', 'npm run build', 'yarn install', 'make', 'make plan', 'make clean', 'make -f Makefile plan']) expect(check(command)).toMatchObject({ decision: 'allow' });
  });

  it('through a hook, from the directory the runtime says the agent works in', () => {
    const input = JSON.stringify({ session_id: 's', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: './deploy.sh' } });
    const r = runCli(['guard', '--runtime', 'claude'], { input });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).hookSpecificOutput).toMatchObject({ permissionDecision: 'deny', permissionDecisionReason: expect.stringMatching(/\.\/deploy\.sh runs what is denied/) });
  });
});
