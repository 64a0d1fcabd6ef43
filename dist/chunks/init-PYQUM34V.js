import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{b as c}from"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";import{mkdir as g,readFile as y,writeFile as w}from"node:fs/promises";import{dirname as v,join as o}from"node:path";var l=`# Steer gate for Terraform pull requests (copy to .github/workflows/steer.yml on the DEFAULT branch).
#
# Why pull_request_target: a \`pull_request\` workflow runs the workflow file from the pull request
# itself, so an agent could edit the gate away. \`pull_request_target\` runs this file as it is on
# the base branch. The pull request is then only DATA for the gate.
#
# Why two jobs: \`terraform plan\` runs code the pull request controls (providers and modules it
# references, \`external\` data sources). So the \`plan\` job has no write token (contents: read) and
# only a read-only cloud role; the \`gate\` job, which holds the write token, runs no PR code at all \u2014
# it reads the plan JSON as data. A plan job that forged its JSON gains nothing: \`steer apply\`
# recomputes the digest from the saved plan it applies, and only an approved digest is applied.
#
# Why the gate job has \`if: always()\`: a skipped required job counts as success. The gate always
# runs, and the \`steer\` check run always gets an explicit conclusion (a missing plan \u2192 failure).
#
# Apply credentials are not here at all: they live in a protected environment used only after
# merge (see the README, \`steer apply\`).
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
    steps:
      - name: Check out the pull request's configuration (data for terraform, no credentials kept)
        uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: hashicorp/setup-terraform@v3
        with: { terraform_wrapper: false }
      - name: Read-only credentials for planning
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.TERRAFORM_PLAN_ROLE_ARN }}   # read-only; never the apply role
          aws-region: eu-west-1
      - name: Plan (made here, never taken from a file in the pull request)
        working-directory: envs/prod
        run: |
          out="$RUNNER_TEMP/steer-plan"
          rm -rf "$out" && mkdir -p "$out"
          terraform init -input=false -lockfile=readonly
          terraform plan -input=false -lock=false -out="$out/tfplan"
          terraform show -json "$out/tfplan" > "$out/plan-prod.json"
      - name: Keep the exact plan that is reviewed (the gate reads the JSON; apply uses tfplan)
        uses: actions/upload-artifact@v4
        with:
          name: steer-plan-\${{ github.event.pull_request.head.sha }}   # terraform-apply.yml finds it by this name
          path: \${{ runner.temp }}/steer-plan/
          if-no-files-found: error
          overwrite: true        # a re-run replaces it; steer apply checks the digest anyway

  gate:
    needs: plan
    if: \${{ always() }}          # never skipped: a skipped required job would count as success
    runs-on: ubuntu-latest
    # The signing key lives in this environment: deployment branches = the base branch only, no
    # required reviewers. A pull_request_target job runs on the base branch and may use it; a
    # workflow a pull request adds runs on refs/pull/N/merge and may not \u2014 so only this job can
    # sign a \`steer\` check that \`steer apply\` accepts (approvals.signedChecks).
    environment: steer-gate
    permissions:
      contents: read             # steer.yml from the base branch, the PR's file list and commits
      pull-requests: write       # reviews, requested reviewers
      issues: write              # the sticky comment, labels
      checks: write              # the \`steer\` check run
    steps:
      - name: The plan made by the plan job (none when it failed \u2192 the gate fails the check)
        uses: actions/download-artifact@v4
        continue-on-error: true
        with:
          name: steer-plan-\${{ github.event.pull_request.head.sha }}
          path: \${{ runner.temp }}/steer-plan
      - name: Steer gate
        uses: your-org/steer@v1  # pin to a commit SHA in production
        with:
          plans: \${{ runner.temp }}/steer-plan/plan-*.json
          env: production
          signing-key: \${{ secrets.STEER_SIGNING_KEY }}
`;var u=`# Apply after the merge: exactly the plan that was reviewed and approved on the pull request.
#
# - Runs on the push the merge makes to main. \`steer apply\` finds the merged pull request from the
#   commit, and accepts its \`steer\` check only if it is green for the digest of THIS saved plan,
#   signed by the gate (STEER_SIGNING_KEY, approvals.signedChecks in steer.yml), younger than
#   approvals.maxAgeHours, and the pull request was merged right onto the base commit the plan was
#   reviewed against (nothing else landed in between). Otherwise it refuses (exit 2) and applies
#   nothing: plan and approve again.
# - The saved plan is the artifact the PR's plan job uploaded (found by the head commit). It is
#   never re-made here: \`terraform plan\` after the merge could differ from what was approved.
#   Terraform itself refuses it if the state changed since ("Saved plan is stale").
# - Apply credentials exist only in the protected \`production\` environment (deployment branch
#   main, required reviewers if you want a second human at apply time).
name: steer-apply
on:
  push:
    branches: [main]
    paths: ['envs/prod/**']

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
      pull-requests: read        # the merged pull request, its commits
      checks: read               # its steer check
      actions: read              # the plan artifact of the PR's workflow run
      id-token: write            # OIDC to the apply role (production environment only)
    steps:
      - uses: actions/checkout@v4   # main after the merge: the configuration the saved plan was made from
        with:
          persist-credentials: false
      - name: The saved plan reviewed on the pull request
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          pr=$(gh api "repos/$GITHUB_REPOSITORY/commits/$GITHUB_SHA/pulls" --jq "map(select(.merge_commit_sha == \\"$GITHUB_SHA\\")) | .[0].number")
          [ -n "$pr" ] && [ "$pr" != null ] || { echo "::error::no merged pull request made $GITHUB_SHA: nothing approved to apply"; exit 1; }
          head=$(gh api "repos/$GITHUB_REPOSITORY/pulls/$pr" --jq .head.sha)
          run=$(gh api "repos/$GITHUB_REPOSITORY/actions/artifacts?name=steer-plan-$head" --jq '.artifacts | sort_by(.created_at) | last | .workflow_run.id')
          [ -n "$run" ] && [ "$run" != null ] || { echo "::error::no plan artifact steer-plan-$head"; exit 1; }
          gh run download "$run" --name "steer-plan-$head" --dir "$RUNNER_TEMP/steer-plan"
      - name: Steer's CLI, pinned (the same repository as the Action)
        uses: actions/checkout@v4
        with:
          repository: your-org/steer
          ref: v1                      # pin to a commit SHA in production
          path: steer-tool
          persist-credentials: false
      - uses: actions/setup-node@v4
        with: { node-version: 24 }
      - run: npm ci --omit=dev --prefix steer-tool
      - uses: hashicorp/setup-terraform@v3
        with: { terraform_wrapper: false }
      - name: Apply credentials (production environment only)
        uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: \${{ vars.TERRAFORM_APPLY_ROLE_ARN }}
          aws-region: eu-west-1
      - name: Apply exactly the approved plan
        env:
          GITHUB_TOKEN: \${{ github.token }}
          STEER_SIGNING_KEY: \${{ secrets.STEER_SIGNING_KEY }}
        run: |
          terraform -chdir=envs/prod init -input=false -lockfile=readonly
          # -c: the policy of main (a missing file is an error, never the defaults)
          node steer-tool/dist/cli.js apply "$RUNNER_TEMP/steer-plan/tfplan" -c steer.yml --tf-chdir envs/prod --env production
      - name: Keep the audit log
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: steer-audit-\${{ github.sha }}
          path: .steer/audit.jsonl
          if-no-files-found: ignore
`;var S=e=>`npx --no-install steer guard --runtime ${e} || exit 2`,T=["Bash(terraform apply *)","Bash(terraform destroy *)","Bash(terraform state rm *)","Bash(terraform import *)","Bash(terraform force-unlock *)","Bash(tofu apply *)","Bash(tofu destroy *)","Bash(terragrunt apply *)","Bash(terragrunt destroy *)","Bash(terragrunt run-all *)","Bash(aws cloudformation deploy *)","Bash(aws cloudformation delete-stack *)","Bash(aws cloudformation execute-change-set *)","Bash(aws cloudformation update-stack *)","Bash(cdk deploy *)","Bash(cdk destroy *)","Bash(npx cdk deploy *)","Bash(cdktf deploy *)","Bash(cdktf destroy *)","Bash(sam deploy *)","Bash(sam delete *)","Bash(pulumi up *)","Bash(pulumi destroy *)","Bash(serverless deploy *)","Bash(serverless remove *)"];function d(e){let t=S(e);switch(e){case"claude":return{path:".claude/settings.json",merge:{hooks:{PreToolUse:[{matcher:"Bash",hooks:[{type:"command",command:t,timeout:30}]}]},permissions:{deny:T}}};case"codex":return{path:".codex/hooks.json",merge:{hooks:{PreToolUse:[{matcher:"shell|Bash|exec_command",hooks:[{type:"command",command:t,timeout:30}]}]}}};case"cursor":return{path:".cursor/hooks.json",merge:{version:1,hooks:{beforeShellExecution:[{command:t,failClosed:!0}]}}};case"gemini":return{path:".gemini/settings.json",merge:{hooks:{BeforeTool:[{matcher:"run_shell_command",hooks:[{type:"command",command:t,timeout:3e4}]}]}}};case"copilot":return{path:".github/hooks/steer.json",merge:{version:1,hooks:{preToolUse:[{type:"command",bash:t,timeoutSec:30}]}}};case"kiro":return{path:".kiro/agents/steer-guarded.json",merge:{name:"steer-guarded",description:"Default tools, with Steer denying direct infrastructure changes",tools:["*"],hooks:{preToolUse:[{matcher:"shell",command:t,timeout_ms:3e4},{matcher:"execute_bash",command:t,timeout_ms:3e4}]}}};default:{let s=e;throw new Error(`unknown runtime ${String(s)}`)}}}var m=`# Steer policy. Read from the base branch by the PR gate. Schema: schema/steer.schema.json in the Steer repository.
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
`;async function P(e){let t={written:[],unchanged:[]};for(let s of e.agents){let{path:r,merge:n}=d(s);await $(o(e.cwd,r),n,t,r)}return await p(o(e.cwd,"steer.yml"),m,t,"steer.yml",[".steer.yml","steer.yaml",".steer.yaml"].map(s=>o(e.cwd,s))),e.ci==="github"&&(await p(o(e.cwd,".github/workflows/steer.yml"),l,t,".github/workflows/steer.yml"),await p(o(e.cwd,".github/workflows/steer-apply.yml"),u,t,".github/workflows/steer-apply.yml")),t}async function $(e,t,s,r){let n={},a;try{a=await y(e,"utf8")}catch{a=void 0}if(a!==void 0&&a.trim()!=="")try{n=JSON.parse(a)}catch(i){throw new c(r,`not valid JSON, so it was left alone (${i instanceof Error?i.message:String(i)})`)}let h=k(n,t),_=`${JSON.stringify(h,null,2)}
`;if(a!==void 0&&JSON.stringify(JSON.parse(a||"{}"))===JSON.stringify(h)){s.unchanged.push(r);return}await g(v(e),{recursive:!0}),await w(e,_),s.written.push(r)}function k(e,t){if(Array.isArray(e)&&Array.isArray(t)){let s=new Set(e.map(r=>JSON.stringify(r)));return[...e,...t.filter(r=>!s.has(JSON.stringify(r)))]}if(f(e)&&f(t)){let s={...e};for(let[r,n]of Object.entries(t))s[r]=r in e?k(e[r],n):n;return s}return e===void 0?t:e}function f(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}async function p(e,t,s,r,n=[]){for(let a of[e,...n])try{await y(a),s.unchanged.push(r);return}catch{}await g(v(e),{recursive:!0}),await w(e,t),s.written.push(r)}export{P as init,k as mergeJson};
