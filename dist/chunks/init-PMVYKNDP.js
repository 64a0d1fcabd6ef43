import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{b as c}from"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";import{mkdir as g,readFile as w,writeFile as y}from"node:fs/promises";import{dirname as _,join as o}from"node:path";var l=`# Steer gate for Terraform pull requests (\`steer init --ci github\` writes this as
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
`;var p=`# Apply after the merge: exactly the plan that was reviewed and approved on the pull request
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
`;var E=e=>`npx --no-install steer guard --runtime ${e} || exit 2`,T=["Bash(terraform apply *)","Bash(terraform destroy *)","Bash(terraform state rm *)","Bash(terraform import *)","Bash(terraform force-unlock *)","Bash(tofu apply *)","Bash(tofu destroy *)","Bash(terragrunt apply *)","Bash(terragrunt destroy *)","Bash(terragrunt run-all *)","Bash(aws cloudformation deploy *)","Bash(aws cloudformation delete-stack *)","Bash(aws cloudformation execute-change-set *)","Bash(aws cloudformation update-stack *)","Bash(cdk deploy *)","Bash(cdk destroy *)","Bash(npx cdk deploy *)","Bash(cdktf deploy *)","Bash(cdktf destroy *)","Bash(sam deploy *)","Bash(sam delete *)","Bash(pulumi up *)","Bash(pulumi destroy *)","Bash(serverless deploy *)","Bash(serverless remove *)"];function d(e){let t=E(e);switch(e){case"claude":return{path:".claude/settings.json",merge:{hooks:{PreToolUse:[{matcher:"Bash",hooks:[{type:"command",command:t,timeout:30}]}]},permissions:{deny:T}}};case"codex":return{path:".codex/hooks.json",merge:{hooks:{PreToolUse:[{matcher:"shell|Bash|exec_command",hooks:[{type:"command",command:t,timeout:30}]}]}}};case"cursor":return{path:".cursor/hooks.json",merge:{version:1,hooks:{beforeShellExecution:[{command:t,failClosed:!0}]}}};case"gemini":return{path:".gemini/settings.json",merge:{hooks:{BeforeTool:[{matcher:"run_shell_command",hooks:[{type:"command",command:t,timeout:3e4}]}]}}};case"copilot":return{path:".github/hooks/steer.json",merge:{version:1,hooks:{preToolUse:[{type:"command",bash:t,timeoutSec:30}]}}};case"kiro":return{path:".kiro/agents/steer-guarded.json",merge:{name:"steer-guarded",description:"Default tools, with Steer denying direct infrastructure changes",tools:["*"],hooks:{preToolUse:[{matcher:"shell",command:t,timeout_ms:3e4},{matcher:"execute_bash",command:t,timeout_ms:3e4}]}}};default:{let s=e;throw new Error(`unknown runtime ${String(s)}`)}}}var m=`# Steer policy. Read from the base branch by the PR gate. Schema: schema/steer.schema.json in the Steer repository.
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
`;async function G(e){let t={written:[],unchanged:[]};for(let s of e.agents){let{path:r,merge:a}=d(s);await $(o(e.cwd,r),a,t,r)}return await u(o(e.cwd,"steer.yml"),m,t,"steer.yml",[".steer.yml","steer.yaml",".steer.yaml"].map(s=>o(e.cwd,s))),e.ci==="github"&&(await u(o(e.cwd,".github/workflows/steer.yml"),l,t,".github/workflows/steer.yml"),await u(o(e.cwd,".github/workflows/steer-apply.yml"),p,t,".github/workflows/steer-apply.yml")),t}async function $(e,t,s,r){let a={},n;try{n=await w(e,"utf8")}catch{n=void 0}if(n!==void 0&&n.trim()!=="")try{a=JSON.parse(n)}catch(i){throw new c(r,`not valid JSON, so it was left alone (${i instanceof Error?i.message:String(i)})`)}let h=v(a,t),R=`${JSON.stringify(h,null,2)}
`;if(n!==void 0&&JSON.stringify(JSON.parse(n||"{}"))===JSON.stringify(h)){s.unchanged.push(r);return}await g(_(e),{recursive:!0}),await y(e,R),s.written.push(r)}function v(e,t){if(Array.isArray(e)&&Array.isArray(t)){let s=new Set(e.map(r=>JSON.stringify(r)));return[...e,...t.filter(r=>!s.has(JSON.stringify(r)))]}if(f(e)&&f(t)){let s={...e};for(let[r,a]of Object.entries(t))s[r]=r in e?v(e[r],a):a;return s}return e===void 0?t:e}function f(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}async function u(e,t,s,r,a=[]){for(let n of[e,...a])try{await w(n),s.unchanged.push(r);return}catch{}await g(_(e),{recursive:!0}),await y(e,t),s.written.push(r)}export{G as init,v as mergeJson};
