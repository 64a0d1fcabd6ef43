import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a as R}from"./chunk-22XFGQQA.js";import{g as i,h as l}from"./chunk-2PM72X5G.js";import{b as _}from"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";import{join as a}from"node:path";var h="steer-guard",d=`.openclaw/extensions/${h}`,A=`${JSON.stringify({id:h,name:"Steer guard",description:"Blocks direct infrastructure changes (and edits of the guard itself) before a tool runs; the way through is a reviewed plan.",configSchema:{type:"object",additionalProperties:!1,properties:{}}},null,2)}
`,$=`${JSON.stringify({name:"steer-openclaw-guard",version:"1.0.0",private:!0,type:"module",openclaw:{extensions:["./index.js"]}},null,2)}
`,N=`// Written by \`steer init --agent openclaw\`. Every tool call goes to \`steer guard\` first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits in <project>/${d}/: steer runs in <project>, with its steer.yml.
export const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TIMEOUT_MS = 20000;

/** Asks steer about one tool call; resolves to OpenClaw's answer, blocking whenever steer doesn't answer. */
export function judge(event, options = {}) {
  const cwd = options.cwd ?? PROJECT;
  // The project's own steer, straight from node_modules/.bin (npx costs a start-up per tool call), else through npx.
  const bin = join(cwd, 'node_modules', '.bin', 'steer');
  const steer = process.platform !== 'win32' && existsSync(bin) ? [bin] : ['npx', '--no-install', 'steer'];
  const command = options.command ?? [...steer, 'guard', '--runtime', 'openclaw'];
  const input = JSON.stringify({ hook_event_name: 'before_tool_call', toolName: event.toolName, params: event.params ?? {}, derivedPaths: event.derivedPaths, cwd });
  const blocked = (why) => ({ block: true, blockReason: 'Steer guard could not check this tool call (' + why + '), so it is blocked.' });
  return new Promise((done) => {
    let child;
    try {
      child = spawn(command[0], command.slice(1), { cwd, stdio: ['pipe', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    } catch (e) {
      done(blocked(String(e)));
      return;
    }
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      done(blocked('no answer in ' + TIMEOUT_MS / 1000 + ' s'));
    }, TIMEOUT_MS);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => {
      clearTimeout(timer);
      done(blocked(e.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return done(blocked('steer exited with ' + code + (err ? ': ' + err.trim().split('\\n')[0] : '')));
      try {
        const answer = JSON.parse(out);
        done(answer.block === true ? { block: true, blockReason: String(answer.blockReason ?? 'denied by Steer') } : undefined);
      } catch {
        done(blocked('an answer that is not JSON'));
      }
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

export default {
  id: '${h}',
  name: 'Steer guard',
  description: 'Blocks direct infrastructure changes before a tool runs.',
  register(api) {
    // No matcher: shell (exec), file tools (write, edit, apply_patch) and MCP tools (server__tool) alike.
    api.on('before_tool_call', (event) => judge(event), { priority: 100 });
  },
};
`,b=[{path:`${d}/openclaw.plugin.json`,text:A},{path:`${d}/package.json`,text:$},{path:`${d}/index.js`,text:N}];async function E(e,t){switch(e){case"codex":return P(t);case"gemini":return'Gemini CLI reads .gemini/settings.json, and so this hook, only in a folder you trust; untrusted (and with `gemini --skip-trust`) it runs commands without the hook. One step: start `gemini` in this folder and choose "Trust folder" (saved in ~/.gemini/trustedFolders.json); for headless runs set GEMINI_CLI_TRUST_WORKSPACE=true.';case"copilot":return'Copilot CLI loads .github/hooks/ only in a folder you trust; untrusted, `copilot -p` runs commands without the hook. One step: start `copilot` in this folder and trust it "for this and future sessions" (kept in trusted_folders of ~/.copilot/config.json); for one headless run, `copilot -p \u2026 --trust-folder`.';case"kiro":return'Kiro CLI v3 reads .kiro/hooks/steer.json for every agent of this workspace (older Kiro CLI releases read hooks from an agent file: run "kiro-cli agent migrate" after upgrading).';case"openclaw":return'OpenClaw keeps workspace plugins disabled until you enable them: run "openclaw plugins install --link ./.openclaw/extensions/steer-guard" and "openclaw plugins enable steer-guard" (or add the folder to plugins.load.paths in ~/.openclaw/openclaw.json), then restart the gateway. "openclaw plugins list --enabled" shows it.';case"cursor":return"Cursor: the hooks cover shell commands and MCP tool calls; Cursor has no hook before a file edit, so edits of the hook files are not stopped there (the PR gate still reviews them).";case"claude":return;default:{let r=e;throw new Error(`unknown runtime ${String(r)}`)}}}var m='Codex runs a project\'s hooks only in a folder you trust, and then only hooks you trusted one by one; until then it runs commands unguarded. Two steps: (1) trust this folder: start `codex` here and accept "trust this folder" (or run `codex exec --trust` once here); (2) run `steer init --agent codex` again, which trusts the Steer hook as Codex\'s /hooks screen would (or type /hooks in codex and trust "npx --no-install steer guard"). A changed .codex/hooks.json needs step 2 again.';async function P(e){let{trustSteerCodexHooks:t}=await import("./hook-trust-L7QEPTK2.js"),r=await t(e);switch(r.status){case"trusted":return`Codex: the Steer hook is trusted for this folder (hooks.state in ${r.configFile||"config.toml of CODEX_HOME"}), so Codex runs it. If .codex/hooks.json changes, Codex untrusts it: run \`steer init --agent codex\` again.`;case"folder-untrusted":return`Codex does not trust this folder yet, so it will not run the hook. ${m}`;case"no-codex":return`Codex was not found on PATH, so the hook is not trusted yet. ${m}`;case"failed":return`Codex: trusting the hook failed (${r.reason}). ${m}`;default:{let n=r;throw new Error(`unknown trust status ${JSON.stringify(n)}`)}}}var f=`# Steer gate for Terraform pull requests (\`steer init --ci github\` writes this as
# .github/workflows/steer.yml; it works unmodified once @steer-gate/cli is in the repository's
# devDependencies). Settings, as repository variables: STEER_TF_DIR (the Terraform directory,
# default "."), AWS_REGION, TERRAFORM_PLAN_ROLE_ARN (a READ-ONLY role for planning, optional).
#
# Why pull_request_target: a \`pull_request\` workflow runs the workflow file from the pull request
# itself, so an agent could edit the gate away. \`pull_request_target\` runs this file as it is on
# the base branch. The pull request is then only DATA for the gate.
#
# How the plan travels: the \`plan\` job (PR code, no write token, read-only cloud role) makes the
# saved plan \`tfplan\` and its rendering \`tfplan.json\` and uploads both as the workflow artifact
# steer-plan-<head sha>. The \`gate\` job downloads them and runs NO pull-request code: it reads
# tfplan.json as data and binds its verdict and the approval to the SHA-256 of tfplan. After the
# merge, terraform-apply (.github/workflows/steer-apply.yml) downloads the same artifact and
# \`steer apply\` applies those exact bytes \u2014 after recomputing the digest and verdict from the
# file itself, so a forged tfplan.json gains nothing.
#
# Why the gate job has \`if: always()\`: a skipped required job counts as success. The gate always
# runs, and the \`steer\` check run always gets an explicit conclusion (a missing plan \u2192 failure).
#
# Who may write what apply trusts: the gate signs its record with STEER_SIGNING_KEY, a secret of
# the \`steer-gate\` environment (deployment branches: the default branch only), which only this
# job can read; \`steer apply\` verifies it. Alternative: run the gate as your own GitHub App
# (approvals.gateApp in steer.yml) \u2014 see the README, "Who may write what apply trusts".
name: steer
on:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]
  # No pull_request_review trigger: a review event runs the PR's own copy of this file, on
  # refs/pull/N/merge, where the steer-gate environment (the signing key) is out of reach. After
  # approving, re-run the gate job (Actions \u2192 the steer run \u2192 Re-run jobs): a re-run of a
  # pull_request_target run uses the base branch's file and environment.

permissions: {}                 # each job asks for exactly what it needs

concurrency:
  group: steer-\${{ github.event.pull_request.number }}
  cancel-in-progress: false

jobs:
  plan:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write            # OIDC to the read-only planning role
    env:
      TF_DIR: \${{ vars.STEER_TF_DIR || '.' }}
    steps:
      - name: Check out the pull request's configuration (data for terraform, no credentials kept)
        uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: hashicorp/setup-terraform@v3
        with: { terraform_wrapper: false }
      - name: Read-only credentials for planning
        if: \${{ vars.TERRAFORM_PLAN_ROLE_ARN != '' }}
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.TERRAFORM_PLAN_ROLE_ARN }}   # read-only; never the apply role
          aws-region: \${{ vars.AWS_REGION || 'us-east-1' }}
      - name: Plan (made here, never taken from a file in the pull request)
        run: |
          out="$RUNNER_TEMP/steer-plan"
          rm -rf "$out" && mkdir -p "$out"
          terraform -chdir="$TF_DIR" init -input=false -lockfile=readonly
          terraform -chdir="$TF_DIR" plan -input=false -lock=false -out="$out/tfplan"
          terraform -chdir="$TF_DIR" show -json "$out/tfplan" > "$out/tfplan.json"
      - name: Keep the exact plan that is reviewed (the gate reads tfplan.json, bound to tfplan; apply uses tfplan)
        uses: actions/upload-artifact@v4
        with:
          name: steer-plan-\${{ github.event.pull_request.head.sha }}   # steer-apply.yml finds it by this name
          path: \${{ runner.temp }}/steer-plan/
          if-no-files-found: error
          overwrite: true        # a re-run replaces it; the approval binds to the file's hash anyway

  gate:
    needs: plan
    if: \${{ always() }}          # never skipped: a skipped required job would count as success
    runs-on: ubuntu-latest
    environment: steer-gate      # STEER_SIGNING_KEY: deployment branches = the default branch only
    permissions:
      contents: read             # steer.yml from the base branch, the PR's file list and commits
      pull-requests: write       # reviews, requested reviewers
      issues: write              # the sticky comment, labels
      checks: write              # the \`steer\` check run
    steps:
      - name: Check out the BASE branch (pull_request_target's default) \u2014 Steer as the base branch pins it
        uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/setup-node@v4
        with: { node-version: 24 }
      - name: Install Steer from the base branch's lock file (no install scripts)
        run: npm ci --ignore-scripts --no-audit --no-fund
      - name: The plan made by the plan job (none when it failed \u2192 the gate fails the check)
        uses: actions/download-artifact@v4
        continue-on-error: true
        with:
          name: steer-plan-\${{ github.event.pull_request.head.sha }}
          path: \${{ runner.temp }}/steer-plan
      # Alternative identity: your own GitHub App (set approvals.gateApp in steer.yml; its comments
      # and checks can't be edited by other workflows):
      # - id: app
      #   uses: actions/create-github-app-token@v2
      #   with: { app-id: "\${{ vars.STEER_APP_ID }}", private-key: "\${{ secrets.STEER_APP_PRIVATE_KEY }}" }
      # and, below, github-token: \${{ steps.app.outputs.token }}
      - name: Steer gate
        if: \${{ always() }}
        uses: ./node_modules/@steer-gate/cli   # the Action inside the installed package (action.yml, dist/index.js)
        with:
          plans: \${{ runner.temp }}/steer-plan/tfplan
          env: production
          signing-key: \${{ secrets.STEER_SIGNING_KEY }}
`;var g=`# Apply after the merge: exactly the plan that was reviewed and approved on the pull request
# (\`steer init --ci github\` writes this as .github/workflows/steer-apply.yml).
#
# - Runs on the push the merge makes to the default branch. \`steer apply\` finds the merged pull
#   request from the commit and accepts its \`steer\` check only if the gate's record in it is
#   signed (STEER_SIGNING_KEY; or written by approvals.gateApp), names the SHA-256 of THIS saved
#   plan with the same digest and a verdict no milder than what apply computes now, the approvals
#   still hold when read again (a later "changes requested" revokes; pushers can't approve), the
#   gate's comment was not edited since, the record is younger than approvals.maxAgeHours, and
#   the pull request was merged right onto the base commit the plan was reviewed against.
#   Otherwise it refuses (exit 2) and applies nothing: plan and approve again.
# - The saved plan is the artifact the PR's plan job uploaded (found by the head commit). It is
#   never re-made here: \`terraform plan\` after the merge could differ from what was approved.
#   Terraform itself refuses it if the state changed since ("Saved plan is stale").
# - Apply credentials exist only in the protected \`production\` environment (deployment branch
#   main, required reviewers if you want a second human at apply time). Repository variables:
#   STEER_TF_DIR (default "."), AWS_REGION, TERRAFORM_APPLY_ROLE_ARN.
name: steer-apply
on:
  push:
    branches: [main]

permissions: {}

concurrency:
  group: steer-apply-prod        # one apply at a time; never cancel one half-way
  cancel-in-progress: false

jobs:
  apply:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read             # the merge commit
      pull-requests: read        # the merged pull request, its commits and reviews
      checks: read               # its steer check
      issues: read               # the gate's comment (was it edited?)
      actions: read              # the plan artifact of the PR's workflow run
      id-token: write            # OIDC to the apply role (production environment only)
    env:
      TF_DIR: \${{ vars.STEER_TF_DIR || '.' }}
    steps:
      - uses: actions/checkout@v4   # main after the merge: the configuration the saved plan was made from, its steer.yml
        with:
          persist-credentials: false
      - name: The saved plan reviewed on the pull request
        id: artifact
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          pr=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" --jq "map(select(.merge_commit_sha == \\"$GITHUB_SHA\\")) | .[0].number")
          if [ -z "$pr" ] || [ "$pr" = null ]; then echo "::notice::no merged pull request made $GITHUB_SHA: nothing approved, nothing applied"; exit 0; fi
          head=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$pr" --jq .head.sha)
          run=$(gh api "repos/$GITHUB_REPOSITORY/actions/artifacts?name=steer-plan-$head" --jq '.artifacts | sort_by(.created_at) | last | .workflow_run.id')
          [ -n "$run" ] && [ "$run" != null ] || { echo "::error::no plan artifact steer-plan-$head"; exit 1; }
          gh run download "$run" --name "steer-plan-$head" --dir "$RUNNER_TEMP/steer-plan"
          echo "pr=$pr" >> "$GITHUB_OUTPUT"
      - uses: actions/setup-node@v4
        if: steps.artifact.outputs.pr != ''
        with: { node-version: 24 }
      - name: Install Steer as main's lock file pins it (no install scripts)
        if: steps.artifact.outputs.pr != ''
        run: npm ci --ignore-scripts --no-audit --no-fund
      - uses: hashicorp/setup-terraform@v3
        if: steps.artifact.outputs.pr != ''
        with: { terraform_wrapper: false }
      - name: Apply credentials (production environment only)
        if: \${{ steps.artifact.outputs.pr != '' && vars.TERRAFORM_APPLY_ROLE_ARN != '' }}
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.TERRAFORM_APPLY_ROLE_ARN }}
          aws-region: \${{ vars.AWS_REGION || 'us-east-1' }}
      - name: Apply exactly the approved plan
        if: steps.artifact.outputs.pr != ''
        env:
          GITHUB_TOKEN: \${{ github.token }}
          STEER_SIGNING_KEY: \${{ secrets.STEER_SIGNING_KEY }}
        run: |
          terraform -chdir="$TF_DIR" init -input=false -lockfile=readonly
          # -c: the policy of main (a missing file is an error, never the defaults)
          npx --no-install steer apply "$RUNNER_TEMP/steer-plan/tfplan" -c steer.yml --tf-chdir "$TF_DIR" --env production --audit-log "$RUNNER_TEMP/steer-audit.jsonl"
      - name: Keep the audit log
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: steer-audit-\${{ github.sha }}
          path: \${{ runner.temp }}/steer-audit.jsonl
          if-no-files-found: ignore
`;var C=e=>`npx --no-install steer guard --runtime ${e} || exit 2`,T=JSON.stringify({permissionDecision:"deny",permissionDecisionReason:"Steer could not run (npx --no-install steer failed: add steer to devDependencies and npm install), so the command is denied."}),B=`npx --no-install steer guard --runtime copilot || echo '${T}'`,G=`npx --no-install steer guard --runtime copilot; if ($LASTEXITCODE -ne 0) { '${T}' }`,u={claude:"Edit|Write|MultiEdit|NotebookEdit|mcp__.*",codex:"apply_patch|Edit|Write|mcp__.*",gemini:"write_file|replace|mcp_.*",kiro:"shell|execute_bash|fs_write|write|use_aws|@.*"},U=["Bash(terraform apply *)","Bash(terraform destroy *)","Bash(terraform state rm *)","Bash(terraform import *)","Bash(terraform force-unlock *)","Bash(tofu apply *)","Bash(tofu destroy *)","Bash(terragrunt apply *)","Bash(terragrunt destroy *)","Bash(terragrunt run-all *)","Bash(aws cloudformation deploy *)","Bash(aws cloudformation delete-stack *)","Bash(aws cloudformation execute-change-set *)","Bash(aws cloudformation update-stack *)","Bash(cdk deploy *)","Bash(cdk destroy *)","Bash(npx cdk deploy *)","Bash(cdktf deploy *)","Bash(cdktf destroy *)","Bash(sam deploy *)","Bash(sam delete *)","Bash(pulumi up *)","Bash(pulumi destroy *)","Bash(serverless deploy *)","Bash(serverless remove *)"],w=(e,t)=>e.map(r=>({matcher:r,hooks:[t]}));function S(e){let t=C(e);switch(e){case"claude":return{path:".claude/settings.json",merge:{hooks:{PreToolUse:w(["Bash",u.claude],{type:"command",command:t,timeout:30,onFailure:"block"})},permissions:{deny:U}}};case"codex":return{path:".codex/hooks.json",merge:{hooks:{PreToolUse:w(["shell|Bash|exec_command",u.codex],{type:"command",command:t,timeout:30})}}};case"cursor":return{path:".cursor/hooks.json",merge:{version:1,hooks:{beforeShellExecution:[{command:t,failClosed:!0}],beforeMCPExecution:[{command:t,failClosed:!0}]}}};case"gemini":return{path:".gemini/settings.json",merge:{hooks:{BeforeTool:w(["run_shell_command",u.gemini],{type:"command",command:t,timeout:3e4})}}};case"copilot":return{path:".github/hooks/steer.json",merge:{version:1,hooks:{preToolUse:[{type:"command",bash:B,powershell:G,timeoutSec:30}]}}};case"kiro":return{path:".kiro/hooks/steer.json",merge:{version:"v1",hooks:[{name:"steer-guard",trigger:"PreToolUse",matcher:u.kiro,action:{type:"command",command:t},timeout:30,enabled:!0}]}};case"openclaw":return;default:{let r=e;throw new Error(`unknown runtime ${String(r)}`)}}}var x=`# yaml-language-server: $schema=node_modules/@steer-gate/cli/schema/steer.schema.json
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
`;async function re(e){let t={written:[],unchanged:[],notes:[]};for(let r of e.agents){let n=S(r);if(n&&await F(a(e.cwd,n.path),k(n.merge,R(r,n.path).merge),t,n.path),r==="openclaw")for(let s of b)await H(a(e.cwd,s.path),s.text,t,s.path);let o=await E(r,e.cwd);o!==void 0&&t.notes.push(o)}return await y(a(e.cwd,"steer.yml"),x,t,"steer.yml",[".steer.yml","steer.yaml",".steer.yaml"].map(r=>a(e.cwd,r))),e.ci==="github"&&(await y(a(e.cwd,".github/workflows/steer.yml"),f,t,".github/workflows/steer.yml"),await y(a(e.cwd,".github/workflows/steer-apply.yml"),g,t,".github/workflows/steer-apply.yml")),t}async function F(e,t,r,n){let o={},s=await i(e);if(s!==void 0&&s.trim()!=="")try{o=JSON.parse(s)}catch(c){throw new _(n,`not valid JSON, so it was left alone (${c instanceof Error?c.message:String(c)})`)}let v=k(O(o,t),t),I=`${JSON.stringify(v,null,2)}
`;if(s!==void 0&&JSON.stringify(JSON.parse(s||"{}"))===JSON.stringify(v)){r.unchanged.push(n);return}await l(e,I),r.written.push(n)}function O(e,t){if(Array.isArray(e)&&Array.isArray(t)){let r=new Set(t.map(n=>JSON.stringify(n)));return e.filter(n=>r.has(JSON.stringify(n))||!JSON.stringify(n).includes("steer guard"))}if(p(e)&&p(t)){let r={...e};for(let n of Object.keys(t))n in e&&(r[n]=O(e[n],t[n]));return r}return e}function k(e,t){if(Array.isArray(e)&&Array.isArray(t)){let r=new Set(e.map(n=>JSON.stringify(n)));return[...e,...t.filter(n=>!r.has(JSON.stringify(n)))]}if(p(e)&&p(t)){let r={...e};for(let[n,o]of Object.entries(t))r[n]=n in e?k(e[n],o):o;return r}return e===void 0?t:e}function p(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}async function H(e,t,r,n){if(await i(e)===t){r.unchanged.push(n);return}await l(e,t),r.written.push(n)}async function y(e,t,r,n,o=[]){for(let s of[e,...o])if(await i(s)!==void 0){r.unchanged.push(n);return}await l(e,t),r.written.push(n)}export{re as init,k as mergeJson,O as withoutStaleSteerEntries};
