import { createServer, type ServerResponse } from 'node:http';
import { listenOnLoopback, type ScriptedModel } from './scripted-model.js';

/**
 * A scripted Cursor backend on 127.0.0.1 for @cursor/sdk's local agent (CURSOR_BACKEND_URL). In a
 * local Cursor agent the model and the agent loop run on Cursor's backend, which asks the client to
 * run each tool on the user's machine; the client runs it there, hooks first. So this backend plays
 * the model and its loop: for each step it asks for one tool run (a shell command, or a file write),
 * reads the result the client sends back (a shell command, a file write or a file delete), then ends the turn with a text.
 *
 * The wire, as the SDK speaks it over HTTP/1.1 (read from its bundled protobuf descriptors, agent.v1 / aiserver.v1):
 * - POST /auth/exchange_user_api_key (JSON) → {accessToken}; GET /v1/models (JSON) → {items}.
 * - POST /agent.v1.AgentService/RunSSE (Connect server-streaming, application/connect+proto; body a
 *   BidiRequestId): the server→client stream of AgentServerMessage frames.
 * - POST /aiserver.v1.BidiService/BidiAppend (Connect unary, application/proto): each client→server
 *   AgentClientMessage, hex-encoded in BidiAppendRequest.data (field 1).
 * - Everything else the SDK asks (privacy mode, server config, team settings, analytics) gets an empty
 *   message, which the SDK reads as its defaults.
 * Field numbers used: AgentServerMessage {1 interaction_update, 2 exec_server_message};
 * ExecServerMessage {1 id, 15 exec_id, 2 shell_args {1 command, 2 working_directory, 3 timeout, 4 tool_call_id, 8 parsing_result},
 * 3 write_args {1 path, 2 file_text, 3 tool_call_id}, 4 delete_args {1 path, 2 tool_call_id}}; InteractionUpdate {1 text_delta {1 text}, 14 turn_ended};
 * AgentClientMessage {1 run_request, 2 exec_client_message}; ExecClientMessage {2 shell_result, 3 write_result, 4 delete_result}.
 */
export type CursorStep = { readonly shell: string; readonly cwd: string } | { readonly write: string; readonly text: string } | { readonly delete: string };

export async function startScriptedCursorBackend(steps: readonly CursorStep[]): Promise<ScriptedModel> {
  const toolResults: string[] = [];
  const requests: ScriptedModel['requests'] = [];
  let stream: ServerResponse | undefined;
  let asked = 0;
  const send = (message: Buffer): void => void stream?.write(frame(0, message));
  const askNext = (): void => {
    const step = steps[asked++];
    if (step === undefined) {
      send(encode([[1, [[1, [[1, 'done']]]]]])); // interaction_update.text_delta
      send(encode([[1, [[14, []]]]])); // interaction_update.turn_ended
      stream?.end(frame(2, Buffer.from('{}')));
      return;
    }
    const id = asked;
    const args: Field = 'shell' in step
      ? [2, [[1, step.shell], [2, step.cwd], [3, 30_000], [4, `call-${id}`], [8, parsingResult(step.shell)]]]
      : 'write' in step ? [3, [[1, step.write], [2, step.text], [3, `call-${id}`]]] : [4, [[1, step.delete], [2, `call-${id}`]]];
    send(encode([[2, [[1, id], [15, `exec-${id}`], args]]]));
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      requests.push({ method: req.method ?? 'GET', path, tools: [] });
      const body = Buffer.concat(chunks);
      if (path === '/auth/exchange_user_api_key') return json(res, { accessToken: unsignedToken() });
      if (path === '/v1/models') return json(res, { items: [{ id: 'scripted', displayName: 'Scripted' }] });
      if (path === '/agent.v1.AgentService/RunSSE') {
        stream = res;
        res.writeHead(200, { 'content-type': 'application/connect+proto' });
        res.flushHeaders();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/proto' }).end();
      if (path !== '/aiserver.v1.BidiService/BidiAppend') return;
      const data = fields(body).find(([no]) => no === 1)?.[1];
      if (!(data instanceof Buffer)) return;
      const message = fields(Buffer.from(data.toString('latin1'), 'hex'));
      if (message.some(([no]) => no === 1)) return void setImmediate(askNext); // run_request: the user's prompt
      const exec = message.find(([no]) => no === 2)?.[1];
      if (!(exec instanceof Buffer)) return;
      const result = describeResult(fields(exec));
      if (result === undefined) return;
      toolResults.push(result);
      setImmediate(askNext);
    });
  });
  return listenOnLoopback(server, toolResults, requests);
}

/**
 * ShellArgs.parsing_result {2 executable_commands [{1 name, 2 args [{1 type, 2 value}], 3 full_text}]}, which
 * the client requires (Cursor's backend parses the command with tree-sitter): here a split at ";" and
 * spaces, enough for the scripted commands.
 */
function parsingResult(command: string): Field[] {
  return command.split(';').map((c) => c.trim()).filter((c) => c !== '').map((c): Field => {
    const [name = '', ...args] = c.split(/\s+/);
    return [2, [[1, name], ...args.map((a): Field => [2, [[1, 'word'], [2, a]]]), [3, c]]];
  });
}

const SHELL_RESULTS: Record<number, string> = { 1: 'success', 2: 'failure', 3: 'timeout', 4: 'rejected', 5: 'spawn_error', 7: 'permission_denied' };
const WRITE_RESULTS: Record<number, string> = { 1: 'success', 3: 'permission_denied', 4: 'no_space', 5: 'error', 6: 'rejected' };
const DELETE_RESULTS: Record<number, string> = { 1: 'success', 2: 'file_not_found', 3: 'not_file', 4: 'permission_denied', 5: 'file_busy', 6: 'rejected', 7: 'error' };

/** A shell, write or delete result as text: its kind and case, then the text fields of that case (stdout, stderr, reason, error). */
function describeResult(exec: [number, Buffer | bigint][]): string | undefined {
  for (const [no, kind, cases] of [[2, 'shell', SHELL_RESULTS], [3, 'write', WRITE_RESULTS], [4, 'delete', DELETE_RESULTS]] as const) {
    const result = exec.find(([n]) => n === no)?.[1];
    if (!(result instanceof Buffer)) continue;
    const [caseNo, value] = fields(result)[0] ?? [0, Buffer.alloc(0)];
    const texts = value instanceof Buffer ? fields(value).flatMap(([, v]) => (v instanceof Buffer && isText(v) ? [v.toString('utf8')] : [])) : [];
    return [`${kind} ${cases[caseNo] ?? `case ${caseNo}`}`, ...texts].join('\n');
  }
  return undefined;
}

const isText = (b: Buffer): boolean => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b);

// --- the protobuf wire format, as much of it as these messages need -----------------------------
type Value = string | number | Field[];
type Field = [number, Value];

function encode(message: Field[]): Buffer {
  return Buffer.concat(message.map(([no, value]) => {
    if (typeof value === 'number') return Buffer.concat([varint(no << 3), varint(value)]);
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : encode(value);
    return Buffer.concat([varint((no << 3) | 2), varint(bytes.length), bytes]);
  }));
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = BigInt(n);
  while (v > 127n) {
    out.push(Number(v & 127n) | 128);
    v >>= 7n;
  }
  out.push(Number(v));
  return Buffer.from(out);
}

/** The top-level fields of a message: varints as bigint, length-delimited ones (and fixed ones) as bytes. */
function fields(buf: Buffer): [number, Buffer | bigint][] {
  const out: [number, Buffer | bigint][] = [];
  let i = 0;
  const readVarint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; i < buf.length; shift += 7n) {
      const byte = buf[i++]!;
      result |= BigInt(byte & 127) << shift;
      if (byte < 128) return result;
    }
    throw new Error('scripted Cursor backend: truncated varint');
  };
  while (i < buf.length) {
    const tag = Number(readVarint());
    const wire = tag & 7;
    if (wire === 0) out.push([tag >> 3, readVarint()]);
    else if (wire === 2 || wire === 1 || wire === 5) {
      const length = wire === 2 ? Number(readVarint()) : wire === 1 ? 8 : 4;
      out.push([tag >> 3, buf.subarray(i, i + length)]);
      i += length;
    } else throw new Error(`scripted Cursor backend: wire type ${wire}`);
  }
  return out;
}

/** A Connect streaming frame: flags (0 a message, 2 the end of the stream, JSON), 4-byte length, payload. */
function frame(flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = flags;
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

/** A JWT-shaped access token (unsigned: nothing on loopback checks it) that expires in an hour. */
function unsignedToken(): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'scripted', exp: Math.floor(Date.now() / 1000) + 3600 })}.scripted`;
}
