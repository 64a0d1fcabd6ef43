import { MCP_SERVERS, type McpServerTable, type ToolJudgement } from './mcp-servers.js';
import { operationReads } from './sdk-calls.js';
import { quoteArgv } from './words.js';

/** An MCP tool call as a runtime presents it: the tool's name (maybe prefixed with its server's), the server when known, the arguments. */
export interface McpCall {
  /** The name the runtime gives: `mcp__aws-api__call_aws` (Claude Code, Codex), `mcp_aws-api_call_aws` (Gemini CLI), `aws-api__call_aws` (OpenClaw), `call_aws` (Cursor). */
  readonly name: string;
  /** What else identifies the server: Cursor's `command` or `url` of the server, Gemini CLI's `mcp_context`. */
  readonly serverHint?: string;
  /** The tool's own name, when the runtime says it apart (Gemini CLI's `mcp_context.tool_name`). */
  readonly tool?: string;
  readonly args: unknown;
}

export interface ToolDecision {
  readonly decision: 'allow' | 'deny';
  readonly reason: string;
}

/** The shell decision, passed in (the core stays free of the parser's loading). */
export type JudgeCommand = (command: string) => ToolDecision;

/**
 * An MCP tool call → allow or deny.
 * - A server we know (by its name, or a tool name only it has): its table decides; a tool it
 *   doesn't list is denied (a new release may add a mutation).
 * - Any other server: a command-line argument (`command`, `cmd`, `script`…) is judged as the shell
 *   command it is; a mutating tool name over infrastructure-looking arguments (`AWS::…` types,
 *   ARNs) is denied; everything else is allowed — most MCP servers don't reach infrastructure.
 */
export function decideMcp(call: McpCall, judge: JudgeCommand): ToolDecision {
  const { server, tool: exact } = nameParts(call);
  const named = MCP_SERVERS.filter((s) => s.names.test(server));
  for (const table of named) {
    const tool = toolIn(table, exact, call.name, false);
    if (tool) return decideTool(table, tool, call.args, judge);
  }
  const byTool = MCP_SERVERS.map((server) => ({ server, tool: toolIn(server, exact, call.name, true) })).find((x) => x.tool);
  if (byTool) return decideTool(byTool.server, byTool.tool!, call.args, judge);
  if (named.length > 0) return deny(`"${call.name}" is not a tool Steer knows of the ${named.map((t) => t.title).join(' or the ')}, so it may change infrastructure`);
  return unknownServer(call, server, judge);
}

/**
 * The server and the tool in the runtime's name: `mcp__S__T` (Claude Code, Codex), `@S/T` (Kiro),
 * `S__T` (OpenClaw) say both. In `mcp_S_T` (Gemini CLI) and in names of another shape (Copilot's)
 * S and T can't be told apart: the whole name stands for the server, and a tool is found at its end.
 */
function nameParts(call: McpCall): { server: string; tool: string | undefined } {
  const n = call.name;
  const exact = (server: string, tool: string | undefined) => ({ server: call.serverHint ?? server, tool: call.tool ?? tool });
  if (n.startsWith('mcp__')) {
    const [server = '', ...tool] = n.slice(5).split('__');
    return exact(server, tool.join('__'));
  }
  if (n.startsWith('@') && n.includes('/')) return exact(n.slice(1, n.indexOf('/')), n.slice(n.indexOf('/') + 1));
  if (n.includes('__')) return exact(n.slice(0, n.indexOf('__')), n.slice(n.indexOf('__') + 2));
  if (call.serverHint !== undefined) return { server: call.serverHint, tool: call.tool ?? n }; // Cursor: the bare tool name
  // Copilot's `server-tool`: the server's name comes before the last `-` (tool names are mostly snake_case),
  // so a tool named for another server (`aws-iac-validate_cloudformation_template`) doesn't pick that server.
  return { server: n.includes('-') ? n.slice(0, n.lastIndexOf('-')) : n, tool: call.tool };
}

/** The tool of `server` this call is: its exact name when the runtime says it, else a tool the name ends with (after a separator). */
function toolIn(server: McpServerTable, exact: string | undefined, name: string, distinctiveOnly: boolean): string | undefined {
  const tools = distinctiveOnly ? server.distinctive : [...server.reads, ...server.mutations, ...Object.keys(server.judged ?? {})];
  if (exact !== undefined) return tools.find((t) => t === exact);
  return tools.find((t) => name === t || (name.endsWith(t) && /[_\-/.:@]$/.test(name.slice(0, -t.length))));
}

function decideTool(server: McpServerTable, tool: string, args: unknown, judge: JudgeCommand): ToolDecision {
  const judgement = server.judged?.[tool];
  if (judgement) return judged(server, tool, judgement, args, judge);
  if (server.mutations.includes(tool)) return deny(`${tool} of the ${server.title} changes infrastructure directly`);
  return { decision: 'allow', reason: `${tool} of the ${server.title} only reads` };
}

function judged(server: McpServerTable, tool: string, j: ToolJudgement, args: unknown, judge: JudgeCommand): ToolDecision {
  const value = 'arg' in j ? argsObject(args)[j.arg] : undefined;
  switch (j.kind) {
    case 'aws-cli': {
      const commands = typeof value === 'string' ? [value] : Array.isArray(value) && value.length > 0 && value.every((c) => typeof c === 'string') ? (value as string[]) : undefined;
      if (!commands) return deny(`${tool} of the ${server.title} without a ${j.arg} Steer can read`);
      for (const command of commands) {
        const line = /^\s*aws(\s|$)/.test(command) ? command : `aws ${command}`;
        const d = judge(line);
        if (d.decision === 'deny') return deny(`${tool} of the ${server.title} would run "${line}": ${d.reason}`);
      }
      return { decision: 'allow', reason: `${tool} of the ${server.title} runs only reads` };
    }
    case 'choice': {
      const chosen = value === undefined ? j.default : value;
      if (typeof chosen === 'string' && j.reads.includes(chosen)) return { decision: 'allow', reason: `${tool} ${j.arg}=${chosen} only reads` };
      return deny(`${tool} of the ${server.title} with ${j.arg}=${typeof chosen === 'string' ? chosen : '(unknown)'} changes infrastructure directly`);
    }
    case 'api-operation': {
      if (typeof value === 'string' && /^(Describe|List|Get|Head|BatchGet)[A-Z]/.test(value)) return { decision: 'allow', reason: `${tool} ${value} only reads` };
      return deny(`${tool} of the ${server.title} calls ${typeof value === 'string' ? value : 'an operation Steer cannot read'}, which changes infrastructure`);
    }
    case 'aws-service-operation': {
      const a = argsObject(args);
      const service = a[j.service];
      const operation = a[j.operation];
      if (typeof service !== 'string' || typeof operation !== 'string') return deny(`${tool} without a ${j.service} and ${j.operation} Steer can read`);
      const line = `aws ${service} ${operation.replace(/_/g, '-')}`;
      const d = judge(line);
      return d.decision === 'deny' ? deny(`${tool} would call "${line}": ${d.reason}`) : { decision: 'allow', reason: `${tool} ${line} only reads` };
    }
    default: {
      const never: never = j;
      throw new Error(`unknown judgement ${JSON.stringify(never)}`);
    }
  }
}

/** Argument names that hold a command line, or its words, in servers that run commands (desktop-commander, shell servers…). */
const COMMAND_ARGS = ['command', 'cmd', 'cli_command', 'commandLine', 'command_line', 'shell_command', 'script', 'argv'];
/** With a program in `command`, the arguments that follow it (`{command: "terraform", args: ["apply"]}`). */
const ARGUMENT_ARGS = ['args', 'arguments', 'argv'];
/** Servers of AWS by their name or package (`awslabs.elasticache-mcp-server`, `aws-dataprocessing`, `amazon-sns-sqs`). */
const AWS_SERVER = /awslabs|(^|[^a-z])(aws|amazon)([^a-z]|$)/i;
/** Arguments that pick the operation of a multi-operation tool (`manage_aws_glue_jobs {operation: "delete-job"}`). */
const OPERATION_ARGS = ['operation', 'action', 'api_operation', 'operation_name'];
/** Tool names that change something, by their first word. */
const MUTATING_VERB = /(^|[_\-/.:])(create|update|delete|put|patch|apply|deploy|destroy|terminate|remove|modify|set|attach|detach|run|execute|start|stop|reboot|scale|upsert|provision|import)([_\-/.:]|$)/;
/** A tool name with a mutating verb as one of its words (`delete_stack`, `DeployApp`, `ecs-create-service`; not `get_deployment_status`, `setup`). */
const mutatingName = (name: string) => MUTATING_VERB.test(snake(name));
const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
/** A tool whose object is a query or a scan (`execute_query`, `run_gremlin_query`, `start_security_scan`): data, not the resources. */
const QUERY_TOOL = /(^|[_\-])(query|queries|statement|sql|gremlin|opencypher|cypher|search|scan)([_\-]|$)/;
/** Arguments that name cloud infrastructure: CloudFormation/Cloud Control types, ARNs, Azure resource IDs, Google Cloud resource names. */
const INFRA_VALUE = /^(AWS|Alexa|Custom)::[A-Za-z0-9]+::|^arn:aws[a-z-]*:|^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/|^(\/\/[a-z]+\.googleapis\.com\/)?projects\/[^/]+\/(zones|regions|locations|instances|global)\//i;
/** Code-running tools (`run_python {code}`, `execute_javascript {code}`): the code, judged as the interpreter's inline code. */
const CODE_RUNNERS: readonly [RegExp, readonly string[]][] = [
  [/python|(^|[_\-/.:])py([_\-/.:]|$)/i, ['python3', '-c']],
  [/node|javascript|(^|[_\-/.:])js([_\-/.:]|$)|typescript/i, ['node', '-e']],
];

function unknownServer(call: McpCall, server: string, judge: JudgeCommand): ToolDecision {
  const args = argsObject(call.args);
  const words = (v: unknown): string[] | undefined => (Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === 'string') ? (v as string[]) : undefined);
  for (const key of COMMAND_ARGS) {
    const v = args[key];
    const following = key === 'command' && typeof v === 'string' ? ARGUMENT_ARGS.map((k) => words(args[k])).find((w) => w !== undefined) : undefined;
    const command = following ? quoteArgv([v as string, ...following]) : typeof v === 'string' ? v : words(v) ? quoteArgv(words(v)!) : undefined;
    if (command === undefined) continue;
    const d = judge(command);
    if (d.decision === 'deny') return deny(`the MCP tool "${call.name}" would run "${command}": ${d.reason}`);
  }
  const runner = typeof args.code === 'string' ? CODE_RUNNERS.find(([name]) => name.test(call.name)) : undefined;
  if (runner) {
    const d = judge(quoteArgv([...runner[1], args.code as string]));
    if (d.decision === 'deny') return deny(`the MCP tool "${call.name}" would run code that ${d.reason}`);
  }
  if (mutatingName(call.name) && strings(call.args).some((s) => INFRA_VALUE.test(s))) {
    return deny(`the MCP tool "${call.name}" looks like a change to cloud infrastructure (its arguments name cloud resources)`);
  }
  // An AWS server Steer has no table for: its tools are named for the AWS operations they call
  // (`delete-replication-group`, `create_topic`), or take one (`manage_aws_glue_jobs {operation}`).
  if (AWS_SERVER.test(server)) {
    const tool = call.tool ?? (/__|\//.test(call.name) ? call.name.split(/__|\//).pop()! : operationSuffix(call.name));
    const operation = OPERATION_ARGS.map((k) => args[k]).find((v): v is string => typeof v === 'string');
    const chosen = operation === undefined ? undefined : operationReads(snake(operation).replace(/-/g, '_'));
    if (chosen === false || (chosen === undefined && awsOperationWrites(tool))) {
      return deny(`"${call.name}" of an AWS MCP server Steer has no table for calls ${chosen === false ? operation : tool}, which changes AWS resources`);
    }
  }
  return { decision: 'allow', reason: `"${call.name}" is not a tool of an infrastructure server Steer knows` };
}

/**
 * A tool named like an AWS write operation: its first word is a write verb (`delete-replication-group`,
 * `CreateDbCluster`; a read verb first reads), or its second after a product prefix (`influxdb_create_bucket`);
 * queries and scans are data.
 */
function awsOperationWrites(tool: string): boolean {
  return operationVerdict(tool) === 'writes';
}

function operationVerdict(tool: string): 'reads' | 'writes' | undefined {
  const words = snake(tool).split(/[_\-.]+/).filter(Boolean);
  if (QUERY_TOOL.test(words.slice(1).join('_'))) return 'reads';
  // the first word; or, after a product of a word or two (`influxdb_create_bucket`, `InfluxDBCreateBucket`),
  // the operation (not `analyze_batch_…`: batch needs a verb of its own)
  for (let i = 0; i <= 2 && i < words.length; i++) {
    if (i > 0 && (words[i] === 'batch' || i === words.length - 1)) continue;
    const reads = operationReads(words.slice(i).join('_'));
    if (reads !== undefined) return reads ? 'reads' : 'writes';
  }
  return undefined;
}

/** In a name that doesn't say where the server ends (Copilot's `awslabs_amazon-sns-sqs-mcp-server-delete_queue`): the first part from a separator on that names an operation. */
function operationSuffix(name: string): string {
  for (const m of [{ index: -1 }, ...name.matchAll(/[-_.]/g)]) {
    const rest = name.slice(m.index! + 1);
    if (operationVerdict(rest) !== undefined) return rest;
  }
  return name;
}

function argsObject(args: unknown): Record<string, unknown> {
  return typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
}

/** Every string in a JSON value (bounded: arguments can be large). */
function strings(value: unknown, out: string[] = [], depth = 0): string[] {
  if (out.length > 1000 || depth > 20) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (typeof value === 'object' && value !== null) for (const v of Object.values(value)) strings(v, out, depth + 1);
  return out;
}

const deny = (reason: string): ToolDecision => ({ decision: 'deny', reason });
