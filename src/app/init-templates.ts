/** What `steer init` writes: hook entries per agent runtime, the starter policy, the CI workflow. */
import type { Runtime } from '../guard/runtimes/index.js';

// `|| exit 2`: if steer itself can't start (not installed, no node), the runtime's blocking exit code
// still stops the command — most runtimes let a command through when a hook merely fails.
const guardCommand = (runtime: Runtime): string => `npx --no-install steer guard --runtime ${runtime} || exit 2`;

// Copilot CLI skips a hook that exits non-zero, so when steer can't start, the hook itself answers
// the denial (steer exits 0 whenever it answers, so the two answers never both print).
const COPILOT_CANT_START = JSON.stringify({ permissionDecision: 'deny', permissionDecisionReason: 'Steer could not run (npx --no-install steer failed: add steer to devDependencies and npm install), so the command is denied.' });
const COPILOT_BASH = `npx --no-install steer guard --runtime copilot || echo '${COPILOT_CANT_START}'`;
const COPILOT_POWERSHELL = `npx --no-install steer guard --runtime copilot; if ($LASTEXITCODE -ne 0) { '${COPILOT_CANT_START}' }`;

/** The file and MCP tools each runtime names in its matchers (shell tools have their own entries). */
export const TOOL_MATCHERS = {
  claude: 'Edit|Write|MultiEdit|NotebookEdit|mcp__.*',
  codex: 'apply_patch|Edit|Write|mcp__.*',
  gemini: 'write_file|replace|mcp_.*',
  kiro: 'shell|execute_bash|fs_write|write|use_aws|@.*',
  // Cursor's preToolUse (2.x) names its file tools Write, StrReplace, Edit, Delete (MCP tools have beforeMCPExecution).
  cursor: 'Write|StrReplace|Edit|MultiEdit|Delete|EditNotebook',
} as const;

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

/** One matcher group per matcher, each running the same hook (the shell entry stays as earlier inits wrote it). */
const matcherEntries = (matchers: readonly string[], hook: Record<string, unknown>) => matchers.map((matcher) => ({ matcher, hooks: [hook] }));

/** The settings file a runtime's hook goes in (undefined for OpenClaw, which takes a plugin: app/init-openclaw.ts). */
export function hookFile(runtime: Runtime): HookFile | undefined {
  const command = guardCommand(runtime);
  switch (runtime) {
    case 'claude':
      return {
        path: '.claude/settings.json',
        merge: {
          // onFailure "block" (Claude Code 2.1.295+): a hook that can't start, times out or exits oddly blocks the call instead of letting it run.
          hooks: { PreToolUse: matcherEntries(['Bash', TOOL_MATCHERS.claude], { type: 'command', command, timeout: 30, onFailure: 'block' }) },
          permissions: { deny: CLAUDE_DENY_RULES },
        },
      };
    case 'codex':
      return { path: '.codex/hooks.json', merge: { hooks: { PreToolUse: matcherEntries(['shell|Bash|exec_command', TOOL_MATCHERS.codex], { type: 'command', command, timeout: 30 }) } } };
    case 'cursor':
      // beforeMCPExecution: MCP tool calls; preToolUse with a matcher: file edits (Cursor 2.x; 1.7 had only afterFileEdit, after the edit).
      return {
        path: '.cursor/hooks.json',
        merge: {
          version: 1,
          hooks: {
            beforeShellExecution: [{ command, failClosed: true }],
            beforeMCPExecution: [{ command, failClosed: true }],
            preToolUse: [{ command, matcher: TOOL_MATCHERS.cursor, failClosed: true }],
          },
        },
      };
    case 'gemini':
      return { path: '.gemini/settings.json', merge: { hooks: { BeforeTool: matcherEntries(['run_shell_command', TOOL_MATCHERS.gemini], { type: 'command', command, timeout: 30000 }) } } };
    case 'copilot':
      // preToolUse has no matcher: it runs for every tool (shell, edit/create, MCP).
      return { path: '.github/hooks/steer.json', merge: { version: 1, hooks: { preToolUse: [{ type: 'command', bash: COPILOT_BASH, powershell: COPILOT_POWERSHELL, timeoutSec: 30 }] } } };
    case 'kiro':
      // Kiro CLI v3: standalone hook files in .kiro/hooks/, for every agent of the workspace (https://kiro.dev/docs/cli/v3/hooks/).
      // The shell tool is `shell` (formerly `execute_bash`), files are written by fs_write, MCP tools are `@server/tool`.
      return {
        path: '.kiro/hooks/steer.json',
        merge: {
          version: 'v1',
          hooks: [{ name: 'steer-guard', trigger: 'PreToolUse', matcher: TOOL_MATCHERS.kiro, action: { type: 'command', command }, timeout: 30, enabled: true }],
        },
      };
    case 'openclaw':
      return undefined;
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
  # Say where each plan runs. A delete or replace that no environment below (nor --env NAME)
  # places in production or outside it is reviewed (STEER-ENV-UNKNOWN), never silently allowed.
  environments:
    - name: production
      production: true
      match:
        workspaces: [prod, production]
        paths: ["**/prod/**", "**/production/**"]
    - name: staging
      production: false
      match:
        workspaces: [staging, stage]
        paths: ["**/staging/**", "**/stage/**"]
    - name: development
      production: false
      match:
        workspaces: [dev, development, sandbox]
        paths: ["**/dev/**", "**/sandbox/**"]
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
