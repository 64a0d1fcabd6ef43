import { SCANNER_WASM } from './wasm/scanner-module.js';

/**
 * Where the WebAssembly scanner (wasm/json-scan.as.ts, wasm/plan-entry.as.ts) reads its bytes:
 * one WebAssembly memory per reader, holding the window of input the reader works in. A view the
 * arena hands out is a plain Buffer over that memory; it stays valid until the arena is asked for
 * a larger window.
 */

// The memory layout (json-scan.as.ts and plan-entry.as.ts say what each part holds).
const RESULTS = 1280;
const DICTIONARY = 1536;
const DICTIONARY_SIZE = 512;
const STACK = 2048;
const STACK_SIZE = 10_000;
const MATERIAL = 94_208;
const MATERIAL_SLOTS = 16;
const REDUCED_OBJECTS = 95_488;
const REDUCED_SLOTS = 5;
const ENTRY_RESULT = 95_616;
/** Where the entry walker writes an entry's reduced text (plan-entry.as.ts OUT). */
const ENTRY_TEXT = 131_072;
/** Memory below this holds the scanner's tables, results, stack and scratch space. */
const DATA_BASE = ENTRY_TEXT + (2 << 20);
/** Bytes kept after every window: the scanner's 16-byte loads may read 15 past its end. */
const PADDING = 64;
const PAGE = 65_536;

/** The scanner hands addresses to JavaScript as 32-bit signed integers: the memory stays below 2 GB. */
export const MAX_HELD = 2 ** 31 - DATA_BASE - PADDING - PAGE;

interface ScannerExports {
  init(): void;
  scan(start: number, end: number, resumable: boolean, resumeDepth: number, resumeExpect: number): number;
  string(start: number, end: number): number;
  entry(start: number, end: number): number;
  indexDictionary(): boolean;
}

/**
 * The process could not reserve a WebAssembly memory. A 64-bit V8 reserves ≈ 10 GB of address
 * space per memory (bounds are checked by guard pages), which a virtual-memory limit (`ulimit -v`)
 * can forbid; `node --disable-wasm-trap-handler` (or NODE_OPTIONS) reserves only what is used.
 */
export class NoScanMemory extends Error {
  constructor(cause: unknown) {
    super(
      'WebAssembly memory could not be reserved (is virtual memory limited, e.g. by ulimit -v?): set NODE_OPTIONS=--disable-wasm-trap-handler, which reserves only what is used',
      { cause },
    );
  }
}

let compiled: WebAssembly.Module | undefined;
const arenas = new WeakMap<ArrayBufferLike, ScanArena>();

export class ScanArena {
  private readonly memory: WebAssembly.Memory;
  readonly scanner: ScannerExports;
  /** The scanner's result slots, over the current memory. */
  results!: Int32Array;
  /** The container stack of a scan. */
  stack!: Uint8Array;
  /** All of the memory (the entry walker's results point anywhere in it), as bytes and as 32-bit integers. */
  memoryBytes!: Buffer;
  memoryInts!: Int32Array;
  /** The entry walker's digest material slots and results. */
  material!: Int32Array;
  entryResult!: Int32Array;
  /** Per object the entry walker reduced (plan-entry.as.ts OBJECTS): the address of its first member row, its member count, 1 when reduced. */
  reducedObjects!: Int32Array;
  /** The key dictionary last written (plan-entry.as.ts DICTIONARY). */
  dictionary: Uint8Array | undefined;

  constructor(size = 0) {
    compiled ??= new WebAssembly.Module(Buffer.from(SCANNER_WASM, 'base64'));
    try {
      this.memory = new WebAssembly.Memory({ initial: pagesFor(size) });
    } catch (e) {
      throw e instanceof RangeError ? new NoScanMemory(e) : e;
    }
    this.scanner = new WebAssembly.Instance(compiled, { env: { memory: this.memory } }).exports as unknown as ScannerExports;
    this.scanner.init();
    this.viewsChanged();
  }

  /** A buffer of `size` bytes in a new arena, to read input into (a plain one when no arena can be had). */
  static allocate(this: void, size: number): Buffer {
    try {
      return new ScanArena(size).view(size);
    } catch (e) {
      if (e instanceof NoScanMemory) return Buffer.allocUnsafe(size);
      throw e;
    }
  }

  /** `bytes` in an arena: as they are when they already sit in one (read there), else a copy. */
  static holding(bytes: Buffer): Buffer {
    if (arenas.get(bytes.buffer)?.holds(bytes)) return bytes;
    const arena = new ScanArena(bytes.length);
    const view = arena.view(bytes.length);
    view.set(bytes);
    return view;
  }

  /** Whether `b` is a view of this arena's memory as it is now (growing it leaves older views stale). */
  holds(b: Uint8Array): boolean {
    return b.buffer === this.memory.buffer;
  }

  /** The first `length` bytes of the window (grown to hold them; earlier views then go stale). */
  view(length: number): Buffer {
    this.reserve(length);
    return Buffer.from(this.memory.buffer, DATA_BASE, length);
  }

  /**
   * A new window: the bytes of the current one from `keepFrom` on, followed by `parts`.
   * `current` must be this arena's latest view.
   */
  refill(current: Buffer, keepFrom: number, parts: readonly Uint8Array[]): Buffer {
    const kept = current.length - keepFrom;
    const keptAt = current.byteOffset + keepFrom;
    let length = kept;
    for (const part of parts) length += part.length;
    this.reserve(length);
    const all = new Uint8Array(this.memory.buffer);
    all.copyWithin(DATA_BASE, keptAt, keptAt + kept);
    let at = DATA_BASE + kept;
    for (const part of parts) {
      all.set(part, at);
      at += part.length;
    }
    return Buffer.from(this.memory.buffer, DATA_BASE, length);
  }

  /** The reduced text of the entry the walker read last. */
  entryText(): string {
    return this.memoryBytes.toString('utf8', ENTRY_TEXT, this.entryResult[0]);
  }

  writeDictionary(dictionary: Uint8Array): void {
    if (dictionary.length > DICTIONARY_SIZE) throw new Error("the entry walker's key dictionary is too large");
    this.memoryBytes.set(dictionary, DICTIONARY);
    if (!this.scanner.indexDictionary()) throw new Error("the entry walker's key dictionary must hold each group's keys together");
    this.dictionary = dictionary;
  }

  private reserve(length: number): void {
    if (length > MAX_HELD) throw new RangeError(`the JSON scanner holds at most ${MAX_HELD} bytes at once`);
    const needed = pagesFor(length) - this.memory.buffer.byteLength / PAGE;
    if (needed > 0) {
      this.memory.grow(needed);
      this.viewsChanged();
    }
  }

  private viewsChanged(): void {
    const buffer = this.memory.buffer;
    if (lastArena === this) lastBuffer = undefined;
    arenas.set(buffer, this);
    this.results = new Int32Array(buffer, RESULTS, 8);
    this.stack = new Uint8Array(buffer, STACK, STACK_SIZE);
    this.memoryBytes = Buffer.from(buffer);
    this.memoryInts = new Int32Array(buffer);
    this.material = new Int32Array(buffer, MATERIAL, MATERIAL_SLOTS * 3);
    this.entryResult = new Int32Array(buffer, ENTRY_RESULT, 3);
    this.reducedObjects = new Int32Array(buffer, REDUCED_OBJECTS, REDUCED_SLOTS * 3);
  }
}

function pagesFor(length: number): number {
  return Math.ceil((DATA_BASE + length + PADDING) / PAGE);
}

let lastBuffer: ArrayBufferLike | undefined;
let lastArena: ScanArena | undefined;

/** The arena whose memory holds `b` (a view from `ScanArena`); anything else is a bug in the caller. */
export function arenaOf(b: Uint8Array): ScanArena {
  if (b.buffer === lastBuffer) return lastArena!;
  const arena = arenas.get(b.buffer);
  if (arena === undefined || !arena.holds(b)) throw new Error('the JSON scanner reads only bytes held in a ScanArena, in a current view');
  lastBuffer = b.buffer;
  lastArena = arena;
  return arena;
}
