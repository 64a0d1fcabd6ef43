import { createRequire as __steerCreateRequire } from 'node:module'; const require = __steerCreateRequire(import.meta.url);
import{b as c}from"./chunk-DS44CWOV.js";import"./chunk-MC5JKV5E.js";import{mkdir as f,readFile as g,writeFile as y}from"node:fs/promises";import{dirname as w,join as a}from"node:path";var R=e=>`npx --no-install steer guard --runtime ${e} || exit 2`,v=["Bash(terraform apply *)","Bash(terraform destroy *)","Bash(terraform state rm *)","Bash(terraform import *)","Bash(terraform force-unlock *)","Bash(tofu apply *)","Bash(tofu destroy *)","Bash(terragrunt apply *)","Bash(terragrunt destroy *)","Bash(terragrunt run-all *)","Bash(aws cloudformation deploy *)","Bash(aws cloudformation delete-stack *)","Bash(aws cloudformation execute-change-set *)","Bash(aws cloudformation update-stack *)","Bash(cdk deploy *)","Bash(cdk destroy *)","Bash(npx cdk deploy *)","Bash(cdktf deploy *)","Bash(cdktf destroy *)","Bash(sam deploy *)","Bash(sam delete *)","Bash(pulumi up *)","Bash(pulumi destroy *)","Bash(serverless deploy *)","Bash(serverless remove *)"];function l(e){let t=R(e);switch(e){case"claude":return{path:".claude/settings.json",merge:{hooks:{PreToolUse:[{matcher:"Bash",hooks:[{type:"command",command:t,timeout:30}]}]},permissions:{deny:v}}};case"codex":return{path:".codex/hooks.json",merge:{hooks:{PreToolUse:[{matcher:"shell|Bash|exec_command",hooks:[{type:"command",command:t,timeout:30}]}]}}};case"cursor":return{path:".cursor/hooks.json",merge:{version:1,hooks:{beforeShellExecution:[{command:t,failClosed:!0}]}}};case"gemini":return{path:".gemini/settings.json",merge:{hooks:{BeforeTool:[{matcher:"run_shell_command",hooks:[{type:"command",command:t,timeout:3e4}]}]}}};case"copilot":return{path:".github/hooks/steer.json",merge:{version:1,hooks:{preToolUse:[{type:"command",bash:t,timeoutSec:30}]}}};case"kiro":return{path:".kiro/agents/steer-guarded.json",merge:{name:"steer-guarded",description:"Default tools, with Steer denying direct infrastructure changes",tools:["*"],hooks:{preToolUse:[{matcher:"shell",command:t,timeout_ms:3e4},{matcher:"execute_bash",command:t,timeout_ms:3e4}]}}};default:{let s=e;throw new Error(`unknown runtime ${String(s)}`)}}}var m=`# Steer policy. Read from the base branch by the PR gate. Schema: schema/steer.schema.json in the Steer repository.
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
`,d=`# Steer PR gate: runs from the base branch (pull_request_target), plans in the workflow,
# never takes plan files from the pull request. Require the "steer" check in a branch ruleset.
name: steer
on:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]
  pull_request_review:
    types: [submitted, dismissed]
permissions:
  contents: read
  pull-requests: write
  issues: write
  checks: write
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: hashicorp/setup-terraform@v3
        with: { terraform_wrapper: false }
      - name: Plan in the workflow (read-only credentials)
        run: |
          terraform init -input=false -lockfile=readonly
          terraform plan -input=false -lock=false -out=tfplan
          terraform show -json tfplan > "$RUNNER_TEMP/plan.json"
      - uses: your-org/steer@v1
        with:
          plans: \${{ runner.temp }}/plan.json
`;async function I(e){let t={written:[],unchanged:[]};for(let s of e.agents){let{path:r,merge:n}=l(s);await _(a(e.cwd,r),n,t,r)}return await p(a(e.cwd,"steer.yml"),m,t,"steer.yml",[".steer.yml","steer.yaml",".steer.yaml"].map(s=>a(e.cwd,s))),e.ci==="github"&&await p(a(e.cwd,".github/workflows/steer.yml"),d,t,".github/workflows/steer.yml"),t}async function _(e,t,s,r){let n={},o;try{o=await g(e,"utf8")}catch{o=void 0}if(o!==void 0&&o.trim()!=="")try{n=JSON.parse(o)}catch(i){throw new c(r,`not valid JSON, so it was left alone (${i instanceof Error?i.message:String(i)})`)}let u=k(n,t),B=`${JSON.stringify(u,null,2)}
`;if(o!==void 0&&JSON.stringify(JSON.parse(o||"{}"))===JSON.stringify(u)){s.unchanged.push(r);return}await f(w(e),{recursive:!0}),await y(e,B),s.written.push(r)}function k(e,t){if(Array.isArray(e)&&Array.isArray(t)){let s=new Set(e.map(r=>JSON.stringify(r)));return[...e,...t.filter(r=>!s.has(JSON.stringify(r)))]}if(h(e)&&h(t)){let s={...e};for(let[r,n]of Object.entries(t))s[r]=r in e?k(e[r],n):n;return s}return e===void 0?t:e}function h(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}async function p(e,t,s,r,n=[]){for(let o of[e,...n])try{await g(o),s.unchanged.push(r);return}catch{}await f(w(e),{recursive:!0}),await y(e,t),s.written.push(r)}export{I as init,k as mergeJson};
