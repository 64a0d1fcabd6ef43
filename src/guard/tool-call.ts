import type { McpCall } from './mcp.js';
import { patchFiles } from './patch-files.js';
import { SHELL_TOOLS } from './runtimes/hook-answer.js';
import type { Runtime } from './runtimes/names.js';

/** What an agent's tool call does, as far as the guard is concerned. */
export type ToolCall =
  /** A shell command: the runtime's format reads it (runtimes/*.ts). */
  | { readonly kind: 'shell' }
  /** A file tool: the files it writes. */
  | { readonly kind: 'files'; readonly tool: string; readonly paths: readonly string[] }
  /** Any other tool — an MCP server's, or a built-in one that isn't shell or file writing — and the files it may write (MCP file servers). */
  | { readonly kind: 'tool'; readonly call: McpCall; readonly writes: readonly string[] }
  /** Reads nothing the guard judges (Cursor's beforeReadFile). */
  | { readonly kind: 'none' };

/**
 * File tools that write, by name (lower case): Claude Code Edit/Write/MultiEdit/NotebookEdit,
 * Codex and OpenClaw apply_patch, Gemini CLI write_file/replace, Copilot create/edit, Kiro
 * fs_write (v3 `write`), Cursor's preToolUse Write/StrReplace/Edit/Delete, OpenClaw write/edit.
 */
const FILE_TOOLS: ReadonlySet<string> = new Set([
  'edit', 'write', 'multiedit', 'notebookedit', 'apply_patch', 'write_file', 'replace', 'create', 'str_replace_editor', 'str_replace', 'insert',
  'fs_write', 'delete', 'delete_file', 'edit_file', 'search_replace', 'strreplace', 'editnotebook',
]);
/** Where file tools name their file. */
const PATH_KEYS = ['file_path', 'path', 'notebook_path', 'filePath', 'target_file', 'file', 'filename'];

/** The tool call in a hook input (already JSON-parsed). Throws on an input of the wrong shape. */
export function toolCallOf(runtime: Runtime, input: unknown): ToolCall {
  const o = object(input, 'hook input');
  switch (runtime) {
    case 'cursor': {
      // https://cursor.com/docs/agent/hooks: beforeMCPExecution {tool_name, tool_input (an object, or JSON text in early releases), url | command};
      // beforeShellExecution {command}; preToolUse {tool_name, tool_input} (file tools); beforeReadFile.
      if (o.hook_event_name === 'beforeMCPExecution') {
        const hint = [o.url, o.command].filter((v) => typeof v === 'string').join(' ');
        return otherTool({ name: text(o.tool_name, 'tool_name'), serverHint: hint, args: jsonish(o.tool_input) });
      }
      if (o.hook_event_name === 'preToolUse') return named(text(o.tool_name, 'tool_name'), jsonish(o.tool_input));
      if (o.hook_event_name === 'beforeReadFile') return { kind: 'none' };
      return { kind: 'shell' };
    }
    case 'copilot':
      // toolArgs: a JSON string from the CLI and the coding agent, an object from the SDK.
      return named(text(o.toolName, 'toolName'), jsonish(o.toolArgs));
    case 'openclaw':
      // before_tool_call {toolName, params}; its shell tool is `exec`.
      return text(o.toolName, 'toolName') === 'exec' ? { kind: 'shell' } : named(text(o.toolName, 'toolName'), o.params, o.derivedPaths);
    case 'claude':
    case 'codex':
    case 'gemini':
    case 'kiro': {
      // Gemini CLI says which MCP server a tool is from: mcp_context {server_name, tool_name, command, args, url}.
      const mcp = o.mcp_context;
      if (typeof mcp === 'object' && mcp !== null) {
        const m = mcp as Record<string, unknown>;
        const hint = [m.server_name, m.command, ...(Array.isArray(m.args) ? m.args : []), m.url].filter((v) => typeof v === 'string').join(' ');
        const tool = typeof m.tool_name === 'string' ? { tool: m.tool_name } : {};
        return otherTool({ name: text(o.tool_name, 'tool_name'), serverHint: hint, args: o.tool_input, ...tool });
      }
      return named(text(o.tool_name, 'tool_name'), o.tool_input);
    }
    default: {
      const never: never = runtime;
      throw new Error(`unknown runtime ${String(never)}`);
    }
  }
}

function named(tool: string, args: unknown, derivedPaths?: unknown): ToolCall {
  const lower = tool.toLowerCase();
  if (SHELL_TOOLS.has(lower)) return { kind: 'shell' };
  if (FILE_TOOLS.has(lower)) return { kind: 'files', tool, paths: filesOf(lower, args, derivedPaths) };
  return otherTool({ name: tool, args });
}

/** Tool names that write files, by a word in them: the filesystem and desktop-commander MCP servers' write_file, edit_file, move_file… */
const WRITES_FILES = /(^|[_\-/.:])(write|edit|create|delete|remove|move|rename|patch|replace|append|insert|save)([_\-A-Z]|$)/i;
/** Where such tools name the file they write (`source` too when they move it away). */
const TARGET_KEYS = ['destination', 'dest', 'target', 'new_path', 'to'];

function otherTool(call: McpCall): ToolCall {
  if (!WRITES_FILES.test(call.name)) return { kind: 'tool', call, writes: [] };
  const a = typeof call.args === 'object' && call.args !== null && !Array.isArray(call.args) ? (call.args as Record<string, unknown>) : {};
  const keys = [...PATH_KEYS, ...TARGET_KEYS, ...(/move|rename/i.test(call.name) ? ['source'] : [])];
  const writes = keys.map((k) => a[k]).filter((v): v is string => typeof v === 'string');
  return { kind: 'tool', call, writes };
}

function filesOf(tool: string, args: unknown, derivedPaths: unknown): string[] {
  const paths = new Set<string>();
  const a = typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  for (const key of PATH_KEYS) if (typeof a[key] === 'string') paths.add(a[key] as string);
  if (Array.isArray(a.paths)) for (const p of a.paths) if (typeof p === 'string') paths.add(p);
  if (Array.isArray(derivedPaths)) for (const p of derivedPaths) if (typeof p === 'string') paths.add(p);
  // apply_patch: the patch is the argument (Codex `command` or `input`, OpenClaw `input`), or the whole argument.
  if (tool === 'apply_patch') {
    const texts = typeof args === 'string' ? [args] : Object.values(a).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : []));
    for (const t of texts) for (const p of patchFiles(t)) paths.add(p);
  }
  return [...paths];
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${path}: expected an object`);
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Error(`${path}: expected a string`);
  return value;
}

/** Arguments that arrive as JSON text in some runtimes (Copilot's toolArgs, early Cursor's tool_input); text that isn't JSON throws. */
function jsonish(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
