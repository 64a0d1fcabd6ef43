import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A scripted model on 127.0.0.1 speaking the three model APIs the agent runtimes use — Anthropic
 * Messages (Claude Code; Copilot CLI's BYOK "anthropic" provider), OpenAI Responses (Codex) and
 * Gemini generateContent (Gemini CLI) — streaming included. Its model turn n answers with one tool
 * call for `steps[n]` (n = the tool results the conversation already holds): a shell command is run
 * with the runtime's shell tool, a named tool call as given. Once every step had its turn, it answers
 * with a final text. What the runtime sent back as each tool's result is kept: a denied command
 * comes back with the hook's reason.
 */
export interface ScriptedModel {
  readonly url: string;
  /** The tool results the runtime returned, in order (the text the model would have read). */
  readonly toolResults: string[];
  /** Every request: method, path, and the tool names it offered (for debugging a runtime). */
  readonly requests: { method: string; path: string; tools: string[] }[];
  close(): Promise<void>;
}

/** One model turn: a shell command (for the runtime's shell tool), or a call of a named tool with its input. */
export type ScriptedStep = string | { readonly tool: string; readonly input: Record<string, unknown> };

// OpenClaw's shell tool is `exec`; it comes last, as another runtime's tool of that name may not be a shell.
const SHELL_TOOL_NAMES = ['bash', 'shell', 'exec_command', 'shell_command', 'run_shell_command', 'powershell', 'exec'];

export async function startScriptedModel(steps: readonly ScriptedStep[]): Promise<ScriptedModel> {
  const toolResults: string[] = [];
  const requests: ScriptedModel['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      try {
        route(req, res, body, steps, toolResults, requests);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(e) } }));
      }
    });
  });
  return listenOnLoopback(server, toolResults, requests);
}

/** Starts a scripted server on a free port of 127.0.0.1, as the ScriptedModel the tests read. */
export async function listenOnLoopback(server: Server, toolResults: string[], requests: ScriptedModel['requests']): Promise<ScriptedModel> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    toolResults,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>, steps: readonly ScriptedStep[], toolResults: string[], requests: ScriptedModel['requests']): void {
  const path = (req.url ?? '/').split('?')[0]!;
  const tools = toolNames(body);
  requests.push({ method: req.method ?? 'GET', path, tools });
  if (req.method !== 'POST') return json(res, path.endsWith('/models') ? { data: [], models: [] } : {});
  if (path.endsWith('/messages/count_tokens')) return json(res, { input_tokens: 10 });
  if (path.endsWith('/messages')) return anthropic(res, body, tools, steps, toolResults);
  if (path.endsWith('/responses')) return responses(res, body, tools, steps, toolResults);
  if (path.endsWith(':countTokens')) return json(res, { totalTokens: 10 });
  if (path.includes(':streamGenerateContent') || path.includes(':generateContent')) return gemini(res, path.includes(':stream'), body, tools, steps, toolResults);
  res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `scripted model: no route for ${path}` } }));
}

function toolNames(body: Record<string, unknown>): string[] {
  const tools = Array.isArray(body.tools) ? (body.tools as Record<string, unknown>[]) : [];
  return tools.flatMap((t) => {
    if (typeof t.name === 'string') return [t.name];
    if (t.function && typeof (t.function as { name?: unknown }).name === 'string') return [(t.function as { name: string }).name];
    if (Array.isArray(t.functionDeclarations)) return (t.functionDeclarations as { name: string }[]).map((d) => d.name);
    return [];
  });
}

const shellTool = (tools: string[]): string | undefined => SHELL_TOOL_NAMES.map((n) => tools.find((t) => t.toLowerCase() === n)).find((t) => t !== undefined);

interface Call {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

/**
 * The next step's call, when steps remain and this request offers its tool (side requests offer
 * none); records the results so far. `shellInput` shapes a command for the runtime's shell tool.
 */
function nextCall(results: string[], tools: string[], toolResults: string[], steps: readonly ScriptedStep[], shellInput: (tool: string, command: string) => Record<string, unknown> = (_tool, command) => ({ command, description: 'scripted command' })): Call | undefined {
  if (results.length > toolResults.length) toolResults.push(...results.slice(toolResults.length));
  const step = steps[results.length];
  if (step === undefined) return undefined;
  if (typeof step !== 'string') return tools.includes(step.tool) ? { name: step.tool, input: step.input } : undefined;
  const tool = shellTool(tools);
  return tool === undefined ? undefined : { name: tool, input: shellInput(tool, step) };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const FINAL = 'Done: the scripted model has nothing more to run.';

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

function sse(res: ServerResponse, events: { event?: string; data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`);
  res.end();
}

// Anthropic Messages (https://docs.anthropic.com/en/api/messages-streaming).
function anthropic(res: ServerResponse, body: Record<string, unknown>, tools: string[], steps: readonly ScriptedStep[], toolResults: string[]): void {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as { role: string; content: unknown }[];
  const results = messages.flatMap((m) => (Array.isArray(m.content) ? (m.content as Record<string, unknown>[]) : []).filter((b) => b.type === 'tool_result').map((b) => text(b.content)));
  const call = nextCall(results, tools, toolResults, steps);
  const id = `toolu_${results.length + 1}`;
  const block = call !== undefined ? { type: 'tool_use', id, name: call.name, input: call.input } : { type: 'text', text: FINAL };
  const stopReason = call !== undefined ? 'tool_use' : 'end_turn';
  const message = { id: `msg_${Date.now()}`, type: 'message', role: 'assistant', model: String(body.model ?? 'scripted'), stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
  if (body.stream !== true) return json(res, { ...message, content: [block], stop_reason: stopReason });
  const start = call !== undefined ? { type: 'tool_use', id, name: call.name, input: {} } : { type: 'text', text: '' };
  const delta = call !== undefined ? { type: 'input_json_delta', partial_json: JSON.stringify(call.input) } : { type: 'text_delta', text: FINAL };
  sse(res, [
    { event: 'message_start', data: { type: 'message_start', message: { ...message, content: [] } } },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: start } },
    { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta } },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 1 } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

// OpenAI Responses, streamed (https://platform.openai.com/docs/api-reference/responses-streaming).
function responses(res: ServerResponse, body: Record<string, unknown>, tools: string[], steps: readonly ScriptedStep[], toolResults: string[]): void {
  const input = (Array.isArray(body.input) ? body.input : []) as Record<string, unknown>[];
  const results = input.filter((i) => i.type === 'function_call_output' || i.type === 'custom_tool_call_output').map((i) => text(i.output));
  const call = nextCall(results, tools, toolResults, steps, codexArguments);
  const id = `resp_${Date.now()}`;
  const item = call !== undefined
    ? { type: 'function_call', id: `fc_${results.length + 1}`, call_id: `call_${results.length + 1}`, name: call.name, arguments: JSON.stringify(call.input) }
    : { type: 'message', id: `msg_${results.length + 1}`, role: 'assistant', content: [{ type: 'output_text', text: FINAL, annotations: [] }] };
  const usage = { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 11 };
  sse(res, [
    { event: 'response.created', data: { type: 'response.created', response: { id, status: 'in_progress' } } },
    { event: 'response.output_item.added', data: { type: 'response.output_item.added', output_index: 0, item } },
    { event: 'response.output_item.done', data: { type: 'response.output_item.done', output_index: 0, item } },
    { event: 'response.completed', data: { type: 'response.completed', response: { id, status: 'completed', output: [item], usage } } },
  ]);
}

/** Codex's shell tools take the command in different shapes. */
function codexArguments(tool: string, command: string): Record<string, unknown> {
  switch (tool) {
    case 'exec_command':
      return { cmd: command };
    case 'shell':
      return { command: ['bash', '-lc', command] };
    default:
      return { command };
  }
}

// Gemini generateContent / streamGenerateContent?alt=sse (https://ai.google.dev/api/generate-content).
function gemini(res: ServerResponse, stream: boolean, body: Record<string, unknown>, tools: string[], steps: readonly ScriptedStep[], toolResults: string[]): void {
  const contents = (Array.isArray(body.contents) ? body.contents : []) as { parts?: Record<string, unknown>[] }[];
  const results = contents.flatMap((c) => (c.parts ?? []).filter((p) => p.functionResponse).map((p) => text((p.functionResponse as { response?: unknown }).response)));
  const call = nextCall(results, tools, toolResults, steps);
  const config = (body.generationConfig ?? {}) as Record<string, unknown>;
  // Side requests (next-speaker checks, routing) ask for JSON and offer no tools.
  const finalText = config.responseMimeType === 'application/json' ? JSON.stringify({ next_speaker: 'user', reasoning: 'scripted', model_choice: 'flash' }) : FINAL;
  const part = call !== undefined ? { functionCall: { name: call.name, args: call.input } } : { text: finalText };
  const chunk = { candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 1, totalTokenCount: 11 }, modelVersion: 'scripted' };
  if (!stream) return json(res, chunk);
  sse(res, [{ data: chunk }]);
}
