import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { SourceLocation } from '../../render/sarif.js';
import { bundledFile } from './bundled-file.js';

/**
 * Where a Terraform resource's block is in the repository: `module.db.aws_db_instance.main["a"]`
 * → the `resource "aws_db_instance" "main"` block in the `.tf` files of module `db` (its local
 * `source`, followed from the root module: the plan file's directory). HCL is parsed with
 * tree-sitter's HCL grammar (WebAssembly), never with regular expressions. Best effort: what
 * can't be found or parsed has no entry, and SARIF then points at the plan file.
 */
export async function resourceBlocks(addresses: readonly string[], rootModuleDir: string, repositoryRoot: string): Promise<Map<string, SourceLocation>> {
  const found = new Map<string, SourceLocation>();
  if (addresses.length === 0 || !existsSync(rootModuleDir)) return found;
  let parse: ((text: string) => TfBlock[]) | undefined;
  try {
    parse = await hclParser();
  } catch {
    return found; // no parser here (a build without the grammar): plan-file locations
  }
  const modules = new Map<string, ModuleFiles>();
  const moduleAt = (dir: string): ModuleFiles => {
    let m = modules.get(dir);
    if (!m) {
      m = readModule(dir, parse!);
      modules.set(dir, m);
    }
    return m;
  };
  for (const address of addresses) {
    const parsed = parseAddress(address);
    if (!parsed) continue;
    let dir: string | undefined = rootModuleDir;
    for (const name of parsed.modules) {
      const source: string | undefined = moduleAt(dir).modules.get(name);
      dir = source !== undefined && (source.startsWith('./') || source.startsWith('../')) ? resolve(dir, source) : undefined;
      if (dir === undefined) break;
    }
    if (dir === undefined) continue;
    const hit = moduleAt(dir).blocks.get(`${parsed.kind} ${parsed.type} ${parsed.name}`);
    if (!hit) continue;
    const uri = relative(repositoryRoot, hit.file);
    if (uri.startsWith('..') || uri === '') continue;
    found.set(address, { uri: uri.split(sep).join('/'), line: hit.line });
  }
  return found;
}

interface TfBlock {
  readonly kind: string;
  readonly labels: readonly string[];
  readonly line: number;
  /** `source = "…"` of a module block, when it is a plain string. */
  readonly source?: string;
}

interface ModuleFiles {
  readonly blocks: Map<string, { file: string; line: number }>;
  readonly modules: Map<string, string>;
}

function readModule(dir: string, parse: (text: string) => TfBlock[]): ModuleFiles {
  const blocks = new Map<string, { file: string; line: number }>();
  const modules = new Map<string, string>();
  const ambiguous = new Set<string>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  } catch {
    return { blocks, modules };
  }
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const b of parse(text)) {
      if ((b.kind === 'resource' || b.kind === 'data') && b.labels.length === 2) {
        const key = `${b.kind} ${b.labels[0]} ${b.labels[1]}`;
        // Two blocks for one resource is not a valid module: point at neither.
        if (blocks.has(key) || ambiguous.has(key)) {
          blocks.delete(key);
          ambiguous.add(key);
        } else blocks.set(key, { file, line: b.line });
      } else if (b.kind === 'module' && b.labels.length === 1 && b.source !== undefined) modules.set(b.labels[0]!, b.source);
    }
  }
  return { blocks, modules };
}

/** `module.a["x"].module.b.data.aws_x.y[0]` → modules [a, b], data aws_x y. */
export function parseAddress(address: string): { modules: string[]; kind: 'resource' | 'data'; type: string; name: string } | undefined {
  const parts = address.replace(/\[[^\]]*\]/g, '').split('.');
  const modules: string[] = [];
  while (parts[0] === 'module' && parts.length > 2) {
    modules.push(parts[1]!);
    parts.splice(0, 2);
  }
  const kind = parts[0] === 'data' ? 'data' : 'resource';
  if (kind === 'data') parts.shift();
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { modules, kind, type: parts[0], name: parts[1] };
}

type SyntaxNode = { type: string; text: string; startPosition: { row: number }; namedChildren: SyntaxNode[] };

let parserPromise: Promise<(text: string) => TfBlock[]> | undefined;

/** The tree-sitter Terraform grammar, loaded once: its .wasm files beside the bundle, or from node_modules. */
function hclParser(): Promise<(text: string) => TfBlock[]> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import('web-tree-sitter');
    const runtime = bundledFile('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
    await Parser.init({ locateFile: () => runtime });
    const language = await Language.load(bundledFile('tree-sitter-terraform.wasm', '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return (text: string) => {
      const tree = parser.parse(text);
      if (!tree) return [];
      const body = (tree.rootNode as unknown as SyntaxNode).namedChildren.find((n) => n.type === 'body');
      const out = (body?.namedChildren ?? []).filter((n) => n.type === 'block').map(topBlock);
      tree.delete();
      return out;
    };
  })();
  return parserPromise;
}

function topBlock(node: SyntaxNode): TfBlock {
  const [kind, ...rest] = node.namedChildren;
  const labels: string[] = [];
  for (const n of rest) {
    if (n.type === 'string_lit') labels.push(literalText(n));
    else if (n.type === 'identifier') labels.push(n.text);
    else break;
  }
  const body = node.namedChildren.find((n) => n.type === 'body');
  let source: string | undefined;
  for (const attr of body?.namedChildren ?? []) {
    const [key, value] = attr.namedChildren;
    if (attr.type !== 'attribute' || key?.text !== 'source') continue;
    const lit = value?.namedChildren[0]?.namedChildren[0];
    if (lit?.type === 'string_lit') source = literalText(lit);
  }
  return { kind: kind?.text ?? '', labels, line: node.startPosition.row + 1, ...(source !== undefined ? { source } : {}) };
}

/** A quoted string literal's text (no template interpolation: labels and module sources are plain). */
function literalText(node: SyntaxNode): string {
  return node.namedChildren.filter((n) => n.type === 'template_literal').map((n) => n.text).join('');
}

