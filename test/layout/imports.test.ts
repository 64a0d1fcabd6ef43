import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/paths.js';

// The folder rules of ARCHITECTURE.md, checked on every import of every file in src/ (parsed with
// the TypeScript compiler, dynamic imports included; type-only imports carry no code and are free):
// - only adapters/ and the entry points (cli/, action/) touch the file system, the network or
//   processes, or load the clients that do;
// - core/ (the pure domain) imports none of the layers around it;
// - the pure layers don't reach for the process either (environment, working directory, stdio).

/** Modules that do I/O: Node's own, and the clients of the outside world. */
const IO_MODULES = [
  /^(node:)?(fs|fs\/promises|child_process|net|http|https|http2|tls|dgram|dns|dns\/promises|os|readline|readline\/promises|worker_threads|cluster|inspector|process|module)$/,
  /^@aws-sdk\//,
  /^@octokit\//,
  /^bottleneck(\/|$)/,
  /^tinyglobby$/,
  /^mvdan-sh$/,
];
const MAY_DO_IO = ['src/adapters/', 'src/cli/', 'src/action/'];
/** The layers core/ must not know. */
const OUTSIDE_CORE = ['src/adapters/', 'src/app/', 'src/cli/', 'src/action/', 'src/render/', 'src/sources/', 'src/guard/'];
/** Pure layers: no `process` global, no `fetch`. */
const PURE = ['src/core/', 'src/sources/', 'src/render/', 'src/config/', 'src/guard/'];

/**
 * Files that still break a rule, each with why; the test fails when one no longer does, so the
 * list only shrinks. (The terminal approval prompt moves to adapters/ with the approval-chain rewrite.)
 */
const KNOWN: Record<string, string> = {
  'src/app/approval-gate.ts': 'node:readline/promises',
};

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.as.ts') ? [path] : [];
  });
}

function importsOf(path: string): { imports: Import[]; globals: string[] } {
  const file = relative(repoRoot, path);
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports: Import[] = [];
  const globals = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      let typeOnly = false;
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
        typeOnly = clause !== undefined && (clause.isTypeOnly || (!clause.name && named !== undefined && named.length > 0 && named.every((e) => e.isTypeOnly)));
      } else {
        typeOnly = node.isTypeOnly;
      }
      imports.push({ file, specifier: node.moduleSpecifier.text, typeOnly });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      imports.push({ file, specifier: node.arguments[0].text, typeOnly: false });
    }
    if (ts.isImportTypeNode(node)) return; // `typeof import('x')` in a type
    if (ts.isIdentifier(node) && (node.text === 'process' || node.text === 'fetch')) {
      const parent = node.parent;
      const isName = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node;
      if (!isName) globals.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, globals: [...globals] };
}

/** `../adapters/fs/x.js` from src/app/y.ts → src/adapters/fs/x.js. */
function target(imp: Import): string {
  return imp.specifier.startsWith('.') ? relative(repoRoot, resolve(repoRoot, dirname(imp.file), imp.specifier)) : imp.specifier;
}

const files = sourceFiles(join(repoRoot, 'src'));
const scanned = files.map(importsOf);
const all = scanned.flatMap((s) => s.imports);

function ioViolations(): string[] {
  return all
    .filter((imp) => !imp.typeOnly && !MAY_DO_IO.some((d) => imp.file.startsWith(d)) && IO_MODULES.some((m) => m.test(imp.specifier)))
    .map((imp) => `${imp.file} imports ${imp.specifier}`);
}

describe('folder import rules', () => {
  it('reads every source file and its imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(all.some((i) => i.specifier === 'node:fs' && i.file.startsWith('src/adapters/'))).toBe(true);
    expect(all.some((i) => i.specifier.startsWith('../adapters/') && i.file.startsWith('src/app/') && !i.typeOnly)).toBe(true);
  });

  it('only adapters/ and the entry points (cli/, action/) import what touches the file system, the network or processes', () => {
    expect(ioViolations().filter((v) => !(v.split(' ')[0]! in KNOWN))).toEqual([]);
  });

  it('the known exceptions still exist (remove them from the list once fixed)', () => {
    for (const [file, specifier] of Object.entries(KNOWN)) expect(ioViolations()).toContain(`${file} imports ${specifier}`);
  });

  it('core/ imports none of the layers around it (adapters, app, cli, action, sources, render, guard)', () => {
    const bad = all.filter((imp) => imp.file.startsWith('src/core/') && OUTSIDE_CORE.some((d) => target(imp).startsWith(d))).map((imp) => `${imp.file} imports ${imp.specifier}`);
    expect(bad).toEqual([]);
  });

  it('nothing outside adapters/, app/ and the entry points imports adapters/ for its code', () => {
    const bad = all
      .filter((imp) => !imp.typeOnly && target(imp).startsWith('src/adapters/') && !['src/adapters/', 'src/app/', 'src/cli/', 'src/action/'].some((d) => imp.file.startsWith(d)))
      .map((imp) => `${imp.file} imports ${imp.specifier}`);
    expect(bad).toEqual([]);
  });

  it('the pure layers (core, sources, render, config, guard) use no process global and no fetch', () => {
    const bad = scanned.flatMap((s, i) => (PURE.some((d) => relative(repoRoot, files[i]!).startsWith(d)) ? s.globals.map((g) => `${relative(repoRoot, files[i]!)} uses ${g}`) : []));
    expect(bad).toEqual([]);
  });
});
