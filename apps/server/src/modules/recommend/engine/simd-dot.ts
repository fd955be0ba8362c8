/**
 * A WebAssembly SIMD kernel for the one loop that dominates serving: the dot product of a user's
 * factor vector with every row of the item-factor matrix (200,000 × 48 multiply-adds per user).
 * Plain JavaScript does one multiply-add at a time (about 16 ms on one core here); f32x4 does four.
 *
 * The module is a dozen instructions, so it is assembled here from named opcodes rather than
 * shipped as a binary or built with a toolchain:
 *
 *   dots(rows, vector, out, nRows, lanes)   // lanes = factors / 4
 *     for each row: acc = Σ f32x4(row[l]) · f32x4(vector[l]);  out[row] = acc.x + acc.y + acc.z + acc.w
 *
 * Accumulation is in float32 (JavaScript's loop accumulates in float64), a relative difference
 * of about 1e-6: irrelevant for ranking, and tests compare within that.
 */

const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  f32Store: 0x38,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  f32Add: 0x92,
  simd: 0xfd,
  voidBlock: 0x40,
} as const;
/** SIMD sub-opcodes (after 0xfd), LEB128-encoded where above 127. */
const SIMD = {
  v128Load: [0x00],
  v128Const: [0x0c],
  f32x4ExtractLane: [0x1f],
  f32x4Add: [0xe4, 0x01],
  f32x4Mul: [0xe6, 0x01],
} as const;
const TYPE = { i32: 0x7f, v128: 0x7b, func: 0x60 } as const;

function uleb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

const name = (text: string) => [...uleb(text.length), ...Buffer.from(text, 'utf8')];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

// Locals: parameters first, then the declared ones.
const ROWS = 0;
const VECTOR = 1;
const OUT = 2;
const N = 3;
const LANES = 4;
const LANE = 5; // i32 countdown over a row's lanes
const CURSOR = 6; // i32 position in the vector
const ACC = 7; // v128 accumulator

const get = (local: number) => [OP.localGet, local];
const set = (local: number) => [OP.localSet, local];
const addConst = (local: number, n: number) => [
  ...get(local),
  OP.i32Const,
  ...uleb(n),
  OP.i32Add,
  ...set(local),
];
const countdown = (local: number) => [...get(local), OP.i32Const, 1, OP.i32Sub, OP.localTee, local];
const simd = (op: readonly number[], ...immediates: number[]) => [OP.simd, ...op, ...immediates];
/** memarg: alignment hint (log2 bytes) and offset 0. */
const load128 = simd(SIMD.v128Load, 4, 0);
const lane = (i: number) => [...get(ACC), ...simd(SIMD.f32x4ExtractLane, i)];

const body = [
  OP.block,
  OP.voidBlock,
  ...get(N),
  OP.i32Eqz,
  OP.brIf,
  0,
  OP.loop,
  OP.voidBlock,
  ...simd(SIMD.v128Const, ...new Array<number>(16).fill(0)),
  ...set(ACC),
  ...get(VECTOR),
  ...set(CURSOR),
  ...get(LANES),
  ...set(LANE),
  OP.loop,
  OP.voidBlock,
  ...get(ACC),
  ...get(ROWS),
  ...load128,
  ...get(CURSOR),
  ...load128,
  ...simd(SIMD.f32x4Mul),
  ...simd(SIMD.f32x4Add),
  ...set(ACC),
  ...addConst(ROWS, 16),
  ...addConst(CURSOR, 16),
  ...countdown(LANE),
  OP.brIf,
  0,
  OP.end,
  ...get(OUT),
  ...lane(0),
  ...lane(1),
  OP.f32Add,
  ...lane(2),
  OP.f32Add,
  ...lane(3),
  OP.f32Add,
  OP.f32Store,
  2,
  0,
  ...addConst(OUT, 4),
  ...countdown(N),
  OP.brIf,
  0,
  OP.end,
  OP.end,
  OP.end,
];

const locals = vec([
  [2, TYPE.i32],
  [1, TYPE.v128],
]);

/** The module's bytes: imports `env.memory`, exports `dots`. */
export function dotsModuleBytes(): Uint8Array {
  const functionCode = [...locals, ...body];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[TYPE.func, ...vec(new Array(5).fill([TYPE.i32])), 0]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name('dots'), 0x00, 0]])),
    ...section(10, vec([[...uleb(functionCode.length), ...functionCode]])),
  ]);
}

export type DotsFunction = (rows: number, vector: number, out: number, nRows: number, lanes: number) => void;

/** The part of the WebAssembly API used here (the server's TypeScript libraries leave it out). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
export type WasmModule = { readonly kind?: 'module' };

export const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly ?? null;

let compiled: WasmModule | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is not available. */
export function dotsModule(): WasmModule | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      const bytes = dotsModuleBytes();
      if (wasm?.validate(bytes)) compiled = new wasm.Module(bytes);
    } catch {
      // left null: the plain JavaScript loop is used
    }
  }
  return compiled;
}
