import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{a as b}from"./chunk-22XFGQQA.js";import{h as l,i as p}from"./chunk-QSMR6ZTF.js";import{b as _}from"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";import{join as a}from"node:path";var c="steer-guard",u=`.openclaw/extensions/${c}`,$=`${JSON.stringify({id:c,name:"Steer guard",description:"Blocks direct infrastructure changes (and edits of the guard itself) before a tool runs; the way through is a reviewed plan.",configSchema:{type:"object",additionalProperties:!1,properties:{}},activation:{onStartup:!0,onCapabilities:["hook"]}},null,2)}
`,A=`${JSON.stringify({name:c,version:"1.0.0",private:!0,type:"module",openclaw:{extensions:["./index.js"]}},null,2)}
`,N=`// Written by \`steer init --agent openclaw\`. Every tool call goes to \`steer guard\` first.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This plugin lives in <project>/${u}/: steer runs in <project>, with its steer.yml.
// OpenClaw says where it found the plugin (api.rootDir): it imports a copy from its state directory.
export const projectOf = (rootDir) => resolve(typeof rootDir === 'string' && rootDir ? rootDir : dirname(fileURLToPath(import.meta.url)), '../../..');
// Steer answers within 20 s on its own; OpenClaw's hook budget is longer (register below), so the reason is Steer's.
const TIMEOUT_MS = 25000;

/** Asks steer about one tool call; resolves to OpenClaw's answer, blocking whenever steer doesn't answer. */
export function judge(event, options = {}) {
  const project = options.project ?? projectOf();
  // The project's own steer, straight from node_modules/.bin (npx costs a start-up per tool call), else through npx.
  const bin = join(project, 'node_modules', '.bin', 'steer');
  const steer = process.platform !== 'win32' && existsSync(bin) ? [bin] : ['npx', '--no-install', 'steer'];
  const command = options.command ?? [...steer, 'guard', '--runtime', 'openclaw'];
  const input = JSON.stringify({ hook_event_name: 'before_tool_call', toolName: event.toolName, params: event.params ?? {}, derivedPaths: event.derivedPaths, cwd: project });
  const blocked = (why) => ({ block: true, blockReason: 'Steer guard could not check this tool call (' + why + '), so it is blocked.' });
  return new Promise((done) => {
    let child;
    try {
      child = spawn(command[0], command.slice(1), { cwd: project, stdio: ['pipe', 'pipe', 'pipe'], shell: process.platform === 'win32' });
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
  id: '${c}',
  name: 'Steer guard',
  description: 'Blocks direct infrastructure changes before a tool runs.',
  register(api) {
    const project = projectOf(api.rootDir);
    // No matcher: shell (exec), file tools (write, edit, apply_patch), MCP tools (server__tool) and
    // the Tool Search bridge's calls alike. OpenClaw blocks the call if this throws or outlasts timeoutMs.
    api.on('before_tool_call', (event) => judge(event, { project }), { priority: 100, timeoutMs: 30000 });
  },
};
`,R=[{path:`${u}/openclaw.plugin.json`,text:$},{path:`${u}/package.json`,text:A},{path:`${u}/index.js`,text:N}];async function E(e,t){switch(e){case"codex":return P(t);case"gemini":return'Gemini CLI reads .gemini/settings.json, and so this hook, only in a folder you trust; untrusted (and with `gemini --skip-trust`) it runs commands without the hook. One step: start `gemini` in this folder and choose "Trust folder" (saved in ~/.gemini/trustedFolders.json); for headless runs set GEMINI_CLI_TRUST_WORKSPACE=true.';case"copilot":return'Copilot CLI loads .github/hooks/ only in a folder you trust; untrusted, `copilot -p` runs commands without the hook. One step: start `copilot` in this folder and trust it "for this and future sessions" (kept in trusted_folders of ~/.copilot/config.json); for one headless run, `copilot -p \u2026 --trust-folder`.';case"kiro":return'Kiro CLI v3 reads .kiro/hooks/steer.json for every agent of this workspace (older Kiro CLI releases read hooks from an agent file: run "kiro-cli agent migrate" after upgrading).';case"openclaw":return j;case"cursor":return"Cursor runs project hooks only in a trusted workspace. File edits are stopped by preToolUse, which Cursor 2.x offers; Cursor 1.7 has no hook before a file edit (afterFileEdit only), so there its file tools can edit the hook files (the PR gate still reviews them): update Cursor.";case"claude":return;default:{let r=e;throw new Error(`unknown runtime ${String(r)}`)}}}var j=`OpenClaw loads no plugin you have not enabled, so until then it runs tool calls unguarded. Two steps: (1) "openclaw plugins install --link ./.openclaw/extensions/steer-guard" (it asks you to review the plugin and its capabilities; without a terminal add --force --accept-capabilities); (2) "openclaw plugins enable steer-guard"; then restart the gateway ("openclaw plugins list --enabled" shows it). When this folder is the agent's workspace, "plugins.entries.steer-guard.enabled: true" in ~/.openclaw/openclaw.json is enough. "openclaw agent exec" loads no plugins at all: run headless turns with "openclaw agent --local".`,m='Codex runs a project\'s hooks only in a folder you trust, and then only hooks you trusted one by one; until then it runs commands unguarded. Two steps: (1) trust this folder: start `codex` here and accept "trust this folder" (or run `codex exec --trust` once here); (2) run `steer init --agent codex` again, which trusts the Steer hook as Codex\'s /hooks screen would (or type /hooks in codex and trust "npx --no-install steer guard"). A changed .codex/hooks.json needs step 2 again.';async function P(e){let{trustSteerCodexHooks:t}=await import("./hook-trust-L7QEPTK2.js"),r=await t(e);switch(r.status){case"trusted":return`Codex: the Steer hook is trusted for this folder (hooks.state in ${r.configFile||"config.toml of CODEX_HOME"}), so Codex runs it. If .codex/hooks.json changes, Codex untrusts it: run \`steer init --agent codex\` again.`;case"folder-untrusted":return`Codex does not trust this folder yet, so it will not run the hook. ${m}`;case"no-codex":return`Codex was not found on PATH, so the hook is not trusted yet. ${m}`;case"failed":return`Codex: trusting the hook failed (${r.reason}). ${m}`;default:{let s=r;throw new Error(`unknown trust status ${JSON.stringify(s)}`)}}}var f=`# Steer gate for Terraform pull requests (\`steer init --ci github\` writes this as
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
    # Its own environment, so its OIDC subject is repo:OWNER/REPO:environment:steer-plan: the
    # planning role trusts that, and no role of apply does. On pull_request_target this job's
    # token otherwise says ref refs/heads/main \u2014 while running the pull request's code.
    environment: steer-plan
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
#   STEER_TF_DIR (default "."), AWS_REGION, TERRAFORM_APPLY_ROLE_ARN. The apply role's trust
#   policy must require \`sub\` = repo:OWNER/REPO:environment:production \u2014 never only \`ref\` or
#   \`workflow_ref\` = main, which the gate workflow's plan job (pull-request code, on
#   pull_request_target) carries too.
# - Steer itself and its policy come from main as it was BEFORE this merge (github.event.before:
#   the base the plan was reviewed against): after the merge, package-lock.json and steer.yml in
#   the checkout are the pull request's own, and must not choose the code that runs here with the
#   apply credentials and the signing key, nor the rules it is judged by. steer apply also
#   refuses a policy other than the one the gate read from the base commit.
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
      - uses: actions/checkout@v4   # main after the merge: the configuration the saved plan was made from
        with:
          persist-credentials: false
      - name: Steer and its policy as main had them before the merge (never the pull request's lock file or steer.yml)
        uses: actions/checkout@v4
        with:
          ref: \${{ github.event.before }}
          path: .steer-base
          persist-credentials: false
      - name: The saved plan reviewed on the pull request
        id: artifact
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          pr=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" --jq "map(select(.merge_commit_sha == \\"$GITHUB_SHA\\")) | .[0].number")
          if [ -z "$pr" ] || [ "$pr" = null ]; then echo "::notice::no merged pull request made $GITHUB_SHA: nothing approved, nothing applied"; exit 0; fi
          head=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$pr" --jq .head.sha)
          # Any workflow run (another pull request's, a fork's) can upload an artifact of this name:
          # take the newest one made by the gate workflow on pull_request_target (the base
          # branch's file). Its hash is checked against the gate's record anyway.
          run=""
          for id in $(gh api "repos/$GITHUB_REPOSITORY/actions/artifacts?name=steer-plan-$head&per_page=100" --jq '.artifacts | sort_by(.created_at) | reverse | .[].workflow_run.id'); do
            if [ "$(gh api "repos/$GITHUB_REPOSITORY/actions/runs/$id" --jq '.event + " " + .path')" = "pull_request_target .github/workflows/steer.yml" ]; then run=$id; break; fi
          done
          [ -n "$run" ] || { echo "::error::no plan artifact steer-plan-$head from the steer workflow"; exit 1; }
          gh run download "$run" --name "steer-plan-$head" --dir "$RUNNER_TEMP/steer-plan"
          echo "pr=$pr" >> "$GITHUB_OUTPUT"
      - uses: actions/setup-node@v4
        if: steps.artifact.outputs.pr != ''
        with: { node-version: 24 }
      - name: Install Steer as main's lock file pinned it before the merge (no install scripts)
        if: steps.artifact.outputs.pr != ''
        working-directory: .steer-base
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
          # -c: the policy of main before the merge (a missing file is an error, never the defaults)
          .steer-base/node_modules/.bin/steer apply "$RUNNER_TEMP/steer-plan/tfplan" -c .steer-base/steer.yml --tf-chdir "$TF_DIR" --env production --audit-log "$RUNNER_TEMP/steer-audit.jsonl"
      - name: Keep the audit log
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: steer-audit-\${{ github.sha }}
          path: \${{ runner.temp }}/steer-audit.jsonl
          if-no-files-found: ignore
`;var B=e=>`npx --no-install steer guard --runtime ${e} || exit 2`,T=JSON.stringify({permissionDecision:"deny",permissionDecisionReason:"Steer could not run (npx --no-install steer failed: add steer to devDependencies and npm install), so the command is denied."}),G=`npx --no-install steer guard --runtime copilot || echo '${T}'`,q=`npx --no-install steer guard --runtime copilot; if ($LASTEXITCODE -ne 0) { '${T}' }`,i={claude:"Edit|Write|MultiEdit|NotebookEdit|mcp__.*",codex:"apply_patch|Edit|Write|mcp__.*",gemini:"write_file|replace|mcp_.*",kiro:"shell|execute_bash|fs_write|write|use_aws|@.*",cursor:"Write|StrReplace|Edit|MultiEdit|Delete|EditNotebook"},U=["Bash(terraform apply *)","Bash(terraform destroy *)","Bash(terraform state rm *)","Bash(terraform import *)","Bash(terraform force-unlock *)","Bash(tofu apply *)","Bash(tofu destroy *)","Bash(terragrunt apply *)","Bash(terragrunt destroy *)","Bash(terragrunt run-all *)","Bash(aws cloudformation deploy *)","Bash(aws cloudformation delete-stack *)","Bash(aws cloudformation execute-change-set *)","Bash(aws cloudformation update-stack *)","Bash(cdk deploy *)","Bash(cdk destroy *)","Bash(npx cdk deploy *)","Bash(cdktf deploy *)","Bash(cdktf destroy *)","Bash(sam deploy *)","Bash(sam delete *)","Bash(pulumi up *)","Bash(pulumi destroy *)","Bash(serverless deploy *)","Bash(serverless remove *)"],w=(e,t)=>e.map(r=>({matcher:r,hooks:[t]}));function S(e){let t=B(e);switch(e){case"claude":return{path:".claude/settings.json",merge:{hooks:{PreToolUse:w(["Bash",i.claude],{type:"command",command:t,timeout:30,onFailure:"block"})},permissions:{deny:U}}};case"codex":return{path:".codex/hooks.json",merge:{hooks:{PreToolUse:w(["shell|Bash|exec_command",i.codex],{type:"command",command:t,timeout:30})}}};case"cursor":return{path:".cursor/hooks.json",merge:{version:1,hooks:{beforeShellExecution:[{command:t,failClosed:!0}],beforeMCPExecution:[{command:t,failClosed:!0}],preToolUse:[{command:t,matcher:i.cursor,failClosed:!0}]}}};case"gemini":return{path:".gemini/settings.json",merge:{hooks:{BeforeTool:w(["run_shell_command",i.gemini],{type:"command",command:t,timeout:3e4})}}};case"copilot":return{path:".github/hooks/steer.json",merge:{version:1,hooks:{preToolUse:[{type:"command",bash:G,powershell:q,timeoutSec:30}]}}};case"kiro":return{path:".kiro/hooks/steer.json",merge:{version:"v1",hooks:[{name:"steer-guard",trigger:"PreToolUse",matcher:i.kiro,action:{type:"command",command:t},timeout:30,enabled:!0}]}};case"openclaw":return;default:{let r=e;throw new Error(`unknown runtime ${String(r)}`)}}}var O=`# yaml-language-server: $schema=node_modules/@steer-gate/cli/schema/steer.schema.json
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
`;async function se(e){let t={written:[],unchanged:[],notes:[]};for(let r of e.agents){let s=S(r);if(s&&await F(a(e.cwd,s.path),k(s.merge,b(r,s.path).merge),t,s.path),r==="openclaw")for(let o of R)await D(a(e.cwd,o.path),o.text,t,o.path);let n=await E(r,e.cwd);n!==void 0&&t.notes.push(n)}return await y(a(e.cwd,"steer.yml"),O,t,"steer.yml",[".steer.yml","steer.yaml",".steer.yaml"].map(r=>a(e.cwd,r))),e.ci==="github"&&(await y(a(e.cwd,".github/workflows/steer.yml"),f,t,".github/workflows/steer.yml"),await y(a(e.cwd,".github/workflows/steer-apply.yml"),g,t,".github/workflows/steer-apply.yml")),t}async function F(e,t,r,s){let n={},o=await l(e);if(o!==void 0&&o.trim()!=="")try{n=JSON.parse(o)}catch(h){throw new _(s,`not valid JSON, so it was left alone (${h instanceof Error?h.message:String(h)})`)}let v=k(I(n,t),t),x=`${JSON.stringify(v,null,2)}
`;if(o!==void 0&&JSON.stringify(JSON.parse(o||"{}"))===JSON.stringify(v)){r.unchanged.push(s);return}await p(e,x),r.written.push(s)}function I(e,t){if(Array.isArray(e)&&Array.isArray(t)){let r=new Set(t.map(s=>JSON.stringify(s)));return e.filter(s=>r.has(JSON.stringify(s))||!JSON.stringify(s).includes("steer guard"))}if(d(e)&&d(t)){let r={...e};for(let s of Object.keys(t))s in e&&(r[s]=I(e[s],t[s]));return r}return e}function k(e,t){if(Array.isArray(e)&&Array.isArray(t)){let r=new Set(e.map(s=>JSON.stringify(s)));return[...e,...t.filter(s=>!r.has(JSON.stringify(s)))]}if(d(e)&&d(t)){let r={...e};for(let[s,n]of Object.entries(t))r[s]=s in e?k(e[s],n):n;return r}return e===void 0?t:e}function d(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}async function D(e,t,r,s){if(await l(e)===t){r.unchanged.push(s);return}await p(e,t),r.written.push(s)}async function y(e,t,r,s,n=[]){for(let o of[e,...n])if(await l(o)!==void 0){r.unchanged.push(s);return}await p(e,t),r.written.push(s)}export{se as init,k as mergeJson,I as withoutStaleSteerEntries};
