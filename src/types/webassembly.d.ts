// The part of the WebAssembly JavaScript API the JSON scanner uses (src/sources/json/scan-arena.ts).
// Node has it globally; TypeScript declares it only in the DOM library, which this project
// leaves out (it runs on Node alone).
declare namespace WebAssembly {
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
