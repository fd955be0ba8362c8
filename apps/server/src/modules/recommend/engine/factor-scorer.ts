/**
 * Scores every row of a factor matrix against one vector (out[j] = rows[j] · vector): iALS
 * scoring of a whole catalogue. Uses the WebAssembly SIMD kernel when the factor count is a
 * multiple of 4, with the matrix copied once into the kernel's memory; plain JavaScript otherwise.
 * One scorer per matrix, made on first use and kept as long as the matrix lives.
 */
import { dotsModule, wasm, type DotsFunction, type WasmApi, type WasmModule } from './simd-dot.ts';

export interface FactorScorer {
  score(vector: ArrayLike<number>, out: Float32Array): void;
}

const PAGE = 65_536;

class SimdScorer implements FactorScorer {
  private readonly dots: DotsFunction;
  private readonly vectorView: Float32Array;
  private readonly outView: Float32Array;

  constructor(
    api: WasmApi,
    module: WasmModule,
    rows: Float32Array,
    private readonly factors: number,
  ) {
    const nRows = rows.length / factors;
    const bytes = rows.byteLength + factors * 4 + nRows * 4;
    const memory = new api.Memory({ initial: Math.ceil(bytes / PAGE) });
    new Float32Array(memory.buffer, 0, rows.length).set(rows);
    this.vectorView = new Float32Array(memory.buffer, rows.byteLength, factors);
    this.outView = new Float32Array(memory.buffer, rows.byteLength + factors * 4, nRows);
    const instance = new api.Instance(module, { env: { memory } });
    this.dots = instance.exports.dots as DotsFunction;
  }

  score(vector: ArrayLike<number>, out: Float32Array): void {
    this.vectorView.set(vector);
    this.dots(0, this.vectorView.byteOffset, this.outView.byteOffset, this.outView.length, this.factors / 4);
    out.set(this.outView);
  }
}

class PlainScorer implements FactorScorer {
  constructor(
    private readonly rows: Float32Array,
    private readonly factors: number,
  ) {}

  score(vector: ArrayLike<number>, out: Float32Array): void {
    const { rows, factors: k } = this;
    const n = rows.length / k;
    for (let j = 0, off = 0; j < n; j++, off += k) {
      let s = 0;
      for (let a = 0; a < k; a++) s += vector[a]! * rows[off + a]!;
      out[j] = s;
    }
  }
}

const scorers = new WeakMap<Float32Array, FactorScorer>();

export function plainFactorScorer(rows: Float32Array, factors: number): FactorScorer {
  return new PlainScorer(rows, factors);
}

/** The scorer of `rows` (nRows x factors, row-major), made once per matrix. */
export function factorScorer(rows: Float32Array, factors: number): FactorScorer {
  let scorer = scorers.get(rows);
  if (!scorer) {
    const module = factors % 4 === 0 && factors > 0 ? dotsModule() : null;
    scorer = module && wasm ? new SimdScorer(wasm, module, rows, factors) : new PlainScorer(rows, factors);
    scorers.set(rows, scorer);
  }
  return scorer;
}

const norms = new WeakMap<Float32Array, Float32Array>();

/** The Euclidean length of every row of `rows` (nRows x factors), computed once per matrix. */
export function rowNorms(rows: Float32Array, factors: number): Float32Array {
  let result = norms.get(rows);
  if (!result) {
    result = new Float32Array(rows.length / factors);
    for (let j = 0, off = 0; j < result.length; j++, off += factors) {
      let sq = 0;
      for (let a = 0; a < factors; a++) sq += rows[off + a]! * rows[off + a]!;
      result[j] = Math.sqrt(sq);
    }
    norms.set(rows, result);
  }
  return result;
}
