/** What `steer init` writes: hook entries per agent runtime, the starter policy, the CI workflow. */
import type { Runtime } from '../guard/runtimes/index.js';

// `|| exit 2`: if steer itself can't start (not installed, no node), the runtime's blocking exit code
// still stops the command — most runtimes let a command through when a hook merely fails.
const guardCommand = (runtime: Runtime): string => `npx --no-install steer guard --runtime ${runtime} || exit 2`;

/** Commands denied by Claude Code's own permission rules: a second layer that works without the hook. */
export const CLAUDE_DENY_RULES = [
  'Bash(terraform apply *)', 'Bash(terraform destroy *)', 'Bash(terraform state rm *)', 'Bash(terraform import *)', 'Bash(terraform force-unlock *)',
  'Bash(tofu apply *)', 'Bash(tofu destroy *)', 'Bash(terragrunt apply *)', 'Bash(terragrunt destroy *)', 'Bash(terragrunt run-all *)',
  'Bash(aws cloudformation deploy *)', 'Bash(aws cloudformation delete-stack *)', 'Bash(aws cloudformation execute-change-set *)', 'Bash(aws cloudformation update-stack *)',
  'Bash(cdk deploy *)', 'Bash(cdk destroy *)', 'Bash(npx cdk deploy *)', 'Bash(cdktf deploy *)', 'Bash(cdktf destroy *)', 'Bash(sam deploy *)', 'Bash(sam delete *)',
  'Bash(pulumi up *)', 'Bash(pulumi destroy *)', 'Bash(serverless deploy *)', 'Bash(serverless remove *)',
];

export interface HookFile {
  readonly path: string;
  /** JSON merged into the file (arrays of hook entries are appended to, never replaced). */
  readonly merge: Record<string, unknown>;
}

export function hookFile(runtime: Runtime): HookFile {
  const command = guardCommand(runtime);
  switch (runtime) {
    case 'claude':
      return {
        path: '.claude/settings.json',
        merge: { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command, timeout: 30 }] }] }, permissions: { deny: CLAUDE_DENY_RULES } },
      };
    case 'codex':
      return { path: '.codex/hooks.json', merge: { hooks: { PreToolUse: [{ matcher: 'shell|Bash|exec_command', hooks: [{ type: 'command', command, timeout: 30 }] }] } } };
    case 'cursor':
      return { path: '.cursor/hooks.json', merge: { version: 1, hooks: { beforeShellExecution: [{ command, failClosed: true }] } } };
    case 'gemini':
      return { path: '.gemini/settings.json', merge: { hooks: { BeforeTool: [{ matcher: 'run_shell_command', hooks: [{ type: 'command', command, timeout: 30000 }] }] } } };
    case 'copilot':
      return { path: '.github/hooks/steer.json', merge: { version: 1, hooks: { preToolUse: [{ type: 'command', bash: command, timeoutSec: 30 }] } } };
    case 'kiro':
      // A Kiro CLI agent file defines a whole agent (no `tools` means no tools): a guarded agent with
      // all tools, to use with `kiro-cli chat --agent steer-guarded` or `kiro-cli agent set-default`.
      // The shell tool is `shell` (formerly `execute_bash`).
      return {
        path: '.kiro/agents/steer-guarded.json',
        merge: {
          name: 'steer-guarded',
          description: 'Default tools, with Steer denying direct infrastructure changes',
          tools: ['*'],
          hooks: { preToolUse: [{ matcher: 'shell', command, timeout_ms: 30000 }, { matcher: 'execute_bash', command, timeout_ms: 30000 }] },
        },
      };
    default: {
      const never: never = runtime;
      throw new Error(`unknown runtime ${String(never)}`);
    }
  }
}

export const STARTER_POLICY = `# yaml-language-server: $schema=node_modules/@steer-gate/cli/schema/steer.schema.json
# Steer policy. Read from the base branch by the PR gate. The schema ships with the package (line above: editors validate with it).
version: 1
production:
  names: [prod, production, prd, live]
# protected:
#   - addresses: ["aws_db_instance.main"]
#     reason: customer data
rules:
  - name: agents never destroy data on their own
    match: { agent: true, stateful: true, actions: [delete, replace] }
    verdict: review
approvals:
  required: 1
guard:
  deny: []
  allow: []
`;

/** The PR gate and the apply-after-merge workflows: the examples, as documented in examples/github. */
export { default as GITHUB_WORKFLOW } from '../../examples/github/terraform.yml';
export { default as GITHUB_APPLY_WORKFLOW } from '../../examples/github/terraform-apply.yml';
