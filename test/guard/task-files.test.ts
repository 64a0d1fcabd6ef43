import { describe, expect, it } from 'vitest';
import { justCode, taskfileCode } from '../../src/guard/task-files.js';

// The justfile and Taskfile readers: what each recipe runs, and what they refuse to guess.
describe('justfiles', () => {
  const justfile = ['set shell := ["bash", "-c"]', 'alias d := deploy', '', 'default: plan', '', '[private]', 'plan:', '    terraform plan', '', 'deploy env="dev": plan', '    @echo deploying {{env}}', '    -terraform apply -auto-approve -var env={{env}}', ''].join('\n');
  it('runs the dependencies, then the lines without their @ and - prefixes; aliases and the default recipe', () => {
    expect(justCode(justfile, ['deploy'])).toEqual({ code: ['terraform plan', 'echo deploying ${STEER_UNKNOWN_WORD}', 'terraform apply -auto-approve -var env=${STEER_UNKNOWN_WORD}'] });
    expect(justCode(justfile, ['d'])).toEqual(justCode(justfile, ['deploy']));
    expect(justCode(justfile, [])).toEqual({ code: ['terraform plan'] });
  });
  it('a recipe that is not there is nothing, unless the file imports others', () => {
    expect(justCode(justfile, ['nope'])).toEqual({ code: [] });
    expect(justCode(`import 'infra.just'\n${justfile}`, ['ship'])).toMatchObject({ problem: expect.stringMatching(/imports/) });
  });
  it('a #! recipe is a script in its language', () => {
    expect(justCode('seed:\n  #!/usr/bin/env python3\n  import boto3\n', ['seed'])).toEqual({ code: ["python3 -c 'import boto3'"] });
  });
});

describe('Taskfiles', () => {
  const taskfile = [
    "version: '3'",
    'vars:',
    '  ENV: dev',
    'tasks:',
    '  fmt: terraform fmt -recursive',
    '  lint: [tflint, "terraform validate"]',
    '  deploy:',
    '    desc: "Deploy: apply"',
    '    deps: [fmt]',
    '    cmds:',
    '      - task: lint',
    '      - cmd: terraform apply -auto-approve',
    '        silent: true',
    '      - |',
    '        cd infra',
    '        terraform output',
  ].join('\n');
  it('runs deps and called tasks, the one-line forms, cmd: entries and block scalars', () => {
    expect(taskfileCode(taskfile, ['deploy'])).toEqual({ code: ['terraform fmt -recursive', 'tflint', 'terraform validate', 'terraform apply -auto-approve', 'cd infra\nterraform output'] });
  });
  it('a task that may come from an included Taskfile, or a shape it cannot read, is a problem', () => {
    expect(taskfileCode(`includes:\n  infra: ./infra\n${taskfile}`, ['infra:apply'])).toMatchObject({ problem: expect.stringMatching(/includes/) });
    expect(taskfileCode('tasks:\n  deploy:\n    cmds: *shared\n', ['deploy'])).toMatchObject({ problem: expect.any(String) });
  });
});
