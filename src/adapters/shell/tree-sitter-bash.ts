import { readFileSync } from 'node:fs';
import { bundledFile } from '../fs/bundled-file.js';
import type { TsNode } from './from-tree-sitter.js';
import { shellSyntaxOver, type ShellSyntax } from './syntax.js';
import { keepWasmBaseline } from './wasm-tiering.js';

/**
 * The shell parser: tree-sitter-bash (tree-sitter's Bash grammar, WebAssembly) through
 * web-tree-sitter, its tree turned into the one the guard reads (./from-tree-sitter.ts). It
 * starts in about a third of the time mvdan-sh (mvdan/sh compiled to JavaScript) took — see the
 * README's "Speed". WebAssembly starts asynchronously: `loadShellSyntax()` once, then
 * `shellSyntax()` answers synchronously. Only `steer guard` loads it, and only for a command
 * that is not plain words.
 */
export type { ShellSyntax } from './syntax.js';

let loading: Promise<ShellSyntax> | undefined;
let loaded: ShellSyntax | undefined;

/** Thrown by shellSyntax() before loadShellSyntax() has finished: the caller loads it and asks again. */
export class ShellSyntaxNotLoaded extends Error {
  constructor() {
    super('the shell parser is not loaded');
  }
}

export function shellSyntax(): ShellSyntax {
  if (!loaded) throw new ShellSyntaxNotLoaded();
  return loaded;
}

/** Whether the parser was loaded in this process (the guard's code cache covers it then: src/adapters/fs/cached-bundle.ts). */
export function shellSyntaxLoaded(): boolean {
  return loaded !== undefined;
}

export function loadShellSyntax(): Promise<ShellSyntax> {
  loading ??= load().then((syntax) => (loaded = syntax));
  return loading;
}

async function load(): Promise<ShellSyntax> {
  keepWasmBaseline();
  // Loaded with the parser, not with the guard: a command of plain words needs neither.
  const [{ Parser, Language }, { fileOf }] = await Promise.all([import('web-tree-sitter'), import('./from-tree-sitter.js')]);
  const runtime = bundledFile('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm');
  // The runtime's bytes given, not its path: web-tree-sitter would load fs/promises to read it.
  await Parser.init({ wasmBinary: readFileSync(runtime), locateFile: () => runtime } as object);
  const language = await Language.load(readFileSync(bundledFile('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm')));
  const parser = new Parser();
  parser.setLanguage(language);
  const trees: { delete(): void }[] = []; // freed once the text is converted (backquoted code parses again)
  const parseTree = (text: string): TsNode => {
    const tree = parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    trees.push(tree);
    return tree.rootNode as unknown as TsNode;
  };
  return shellSyntaxOver((text, name) => {
    try {
      return fileOf(parseTree, text, name);
    } finally {
      for (const tree of trees.splice(0)) tree.delete();
    }
  });
}
