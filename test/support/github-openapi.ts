import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * Validates response bodies against GitHub's official OpenAPI description (@octokit/openapi),
 * so the loopback GitHub the tests talk to cannot drift from the real API.
 */
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Spec = { paths: Record<string, Record<string, Operation>>; components: unknown };

const require = createRequire(import.meta.url);
let spec: Spec | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
const routes: { method: string; template: string; re: RegExp }[] = [];

function load(): { spec: Spec; ajv: Ajv } {
  if (!spec || !ajv) {
    spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Spec;
    ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    ajv.addSchema({ $id: 'github', components: fromOpenApi30(spec.components) });
    for (const [template, ops] of Object.entries(spec.paths)) {
      const re = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const method of Object.keys(ops)) routes.push({ method: method.toUpperCase(), template, re });
    }
  }
  return { spec, ajv };
}

/** The OpenAPI path template of a request, e.g. /repos/{owner}/{repo}/check-runs. */
export function operationTemplate(method: string, path: string): string | undefined {
  load();
  // Prefer the most specific template (fewest parameters) when several match.
  const hits = routes.filter((r) => r.method === method && r.re.test(path));
  hits.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return hits[0]?.template;
}

/** Throws when the body is not what GitHub's API description says this operation returns. */
export function assertValidResponse(method: string, path: string, status: number, body: unknown): void {
  const { spec, ajv } = load();
  const template = operationTemplate(method, path);
  if (!template) throw new Error(`fake GitHub: ${method} ${path} is not an operation of the GitHub API`);
  const op = spec.paths[template]![method.toLowerCase()]!;
  const response = op.responses?.[String(status)];
  if (!response) throw new Error(`fake GitHub: ${method} ${template} never answers ${status}`);
  const schema = response.content?.['application/json']?.schema;
  if (schema === undefined) {
    if (body !== undefined && body !== '') throw new Error(`fake GitHub: ${method} ${template} ${status} has no body in the API description`);
    return;
  }
  const key = `${method} ${template} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(fromOpenApi30(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"github#/'))) as object);
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new Error(`fake GitHub: response to ${key} does not match GitHub's OpenAPI description: ${ajv.errorsText(validate.errors)}`);
  }
}

/** OpenAPI 3.0's `nullable: true` → JSON Schema (`type: [t, "null"]`, or `anyOf` with null). */
function fromOpenApi30(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fromOpenApi30);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'examples' || k === 'example' ? v : fromOpenApi30(v);
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (typeof out.type === 'string') {
    const { enum: values, ...rest } = out;
    return { ...rest, type: [out.type, 'null'], ...(Array.isArray(values) ? { enum: [...values, null] } : {}) };
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** Throws when a request body is not what GitHub's API description accepts for this operation. */
export function assertValidRequest(method: string, path: string, body: unknown): void {
  const { spec, ajv } = load();
  const template = operationTemplate(method, path);
  if (!template) throw new Error(`${method} ${path} is not an operation of the GitHub API`);
  const schema = (spec.paths[template]![method.toLowerCase()] as { requestBody?: { content?: Record<string, { schema?: unknown }> } }).requestBody?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`${method} ${template} takes no JSON body`);
  const validate = ajv.compile(fromOpenApi30(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"github#/'))) as object);
  if (!validate(body)) throw new Error(`request to ${method} ${template} does not match GitHub's OpenAPI description: ${ajv.errorsText(validate.errors)}`);
}
