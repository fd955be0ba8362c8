/**
 * Dense linear algebra on row-major Float64Arrays, just what the models need: a Cholesky
 * factorisation (fold-in solves, k x k), and an SPD inverse for the EASE Gram matrix (n x n, with n
 * in the low thousands). Loops are written as contiguous dot products with several accumulators,
 * which is what V8 turns into the tightest machine code.
 */

/** Dot product of a[aOff .. aOff + len) and b[bOff .. bOff + len). */
export function dot(a: Float64Array, aOff: number, b: Float64Array, bOff: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    s0 += a[aOff + i]! * b[bOff + i]!;
    s1 += a[aOff + i + 1]! * b[bOff + i + 1]!;
    s2 += a[aOff + i + 2]! * b[bOff + i + 2]!;
    s3 += a[aOff + i + 3]! * b[bOff + i + 3]!;
  }
  for (; i < len; i++) s0 += a[aOff + i]! * b[bOff + i]!;
  return s0 + s1 + s2 + s3;
}

/**
 * In-place Cholesky factorisation A = L Lᵀ of a symmetric positive-definite n x n matrix; the lower
 * triangle of `a` becomes L (the strict upper triangle is zeroed). Throws when A is not positive
 * definite, which for our Gram matrices means the regularisation is missing.
 */
export function choleskyInPlace(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    const d = a[rowJ + j]! - dot(a, rowJ, a, rowJ, j);
    if (!(d > 0)) throw new Error(`matrix is not positive definite (pivot ${j} = ${d})`);
    const ljj = Math.sqrt(d);
    a[rowJ + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      a[rowI + j] = (a[rowI + j]! - dot(a, rowI, a, rowJ, j)) * inv;
    }
  }
  for (let i = 0; i < n; i++) a.fill(0, i * n + i + 1, (i + 1) * n);
}

/** Solves L Lᵀ x = b in place for a factor from `choleskyInPlace`. */
export function choleskySolveInPlace(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    b[i] = (b[i]! - dot(l, i * n, b, 0, i)) / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
}

/** Solves the SPD system A x = b (A is copied, not modified); for small systems such as fold-in. */
export function solveSpd(a: Float64Array, n: number, b: Float64Array): Float64Array {
  const l = a.slice(0, n * n);
  choleskyInPlace(l, n);
  const x = b.slice(0, n);
  choleskySolveInPlace(l, n, x);
  return x;
}

/** Rows handled together by the blocked kernels below. */
const BLOCK = 8;

/**
 * Eight dot products at once: out[c] = Σ_t x[xOff + t] · m[mOff + c·stride + t] for t < len.
 * Each x value is loaded once for eight multiply-adds and the eight rows stay in cache, which is
 * what makes the blocked factorisation and inverse below compute-bound instead of memory-bound.
 */
function dot8(
  x: Float64Array,
  xOff: number,
  m: Float64Array,
  mOff: number,
  stride: number,
  len: number,
  out: Float64Array,
): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  const o1 = mOff + stride;
  const o2 = o1 + stride;
  const o3 = o2 + stride;
  const o4 = o3 + stride;
  const o5 = o4 + stride;
  const o6 = o5 + stride;
  const o7 = o6 + stride;
  for (let t = 0; t < len; t++) {
    const v = x[xOff + t]!;
    s0 += v * m[mOff + t]!;
    s1 += v * m[o1 + t]!;
    s2 += v * m[o2 + t]!;
    s3 += v * m[o3 + t]!;
    s4 += v * m[o4 + t]!;
    s5 += v * m[o5 + t]!;
    s6 += v * m[o6 + t]!;
    s7 += v * m[o7 + t]!;
  }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
  out[4] = s4;
  out[5] = s5;
  out[6] = s6;
  out[7] = s7;
}

/** `dot8` for a block of `width` <= 8 rows (the last, partial block falls back to single dots). */
function dotBlock(
  x: Float64Array,
  xOff: number,
  m: Float64Array,
  mOff: number,
  stride: number,
  width: number,
  len: number,
  out: Float64Array,
): void {
  if (width === BLOCK) dot8(x, xOff, m, mOff, stride, len, out);
  else for (let c = 0; c < width; c++) out[c] = dot(x, xOff, m, mOff + c * stride, len);
}

/**
 * Blocked left-looking Cholesky (same contract as `choleskyInPlace`): columns are finished eight
 * at a time, so each row's prefix is read once per block rather than once per column.
 */
export function choleskyBlockedInPlace(a: Float64Array, n: number): void {
  const s = new Float64Array(BLOCK);
  for (let jb = 0; jb < n; jb += BLOCK) {
    const width = Math.min(BLOCK, n - jb);
    for (let i = jb; i < n; i++) {
      const rowI = i * n;
      dotBlock(a, rowI, a, jb * n, n, width, jb, s);
      const cols = Math.min(width, i - jb + 1);
      for (let c = 0; c < cols; c++) {
        const j = jb + c;
        const rowJ = j * n;
        let v = a[rowI + j]! - s[c]!;
        for (let t = jb; t < j; t++) v -= a[rowI + t]! * a[rowJ + t]!;
        if (i === j) {
          if (!(v > 0)) throw new Error(`matrix is not positive definite (pivot ${j} = ${v})`);
          a[rowI + j] = Math.sqrt(v);
        } else {
          a[rowI + j] = v / a[rowJ + j]!;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) a.fill(0, i * n + i + 1, (i + 1) * n);
}

/**
 * Inverse of a symmetric positive-definite matrix, A⁻¹ = L⁻ᵀ L⁻¹ (n³/2 multiply-adds: a sixth
 * each for the factorisation, the triangular inverse and the product). `a` is overwritten with the
 * result, which is also returned. About 1 s for n = 1,892 on one core of the 2-core test machine.
 */
export function spdInverse(a: Float64Array, n: number): Float64Array {
  choleskyBlockedInPlace(a, n);
  // U = L⁻ᵀ (upper triangular, row-major): row p of U is column p of L⁻¹, found by forward
  // substitution L w = e_p; eight right-hand sides at a time share each read of a row of L.
  const u = new Float64Array(n * n);
  const s = new Float64Array(BLOCK);
  for (let pb = 0; pb < n; pb += BLOCK) {
    const width = Math.min(BLOCK, n - pb);
    for (let i = pb; i < n; i++) {
      const rowI = i * n;
      // Σ_{k in [pb, i)} L[i][k] w_k[c]; U rows are zero left of their diagonal, so one range fits all.
      dotBlock(a, rowI + pb, u, pb * n + pb, n, width, i - pb, s);
      const inv = 1 / a[rowI + i]!;
      const cols = Math.min(width, i - pb + 1);
      for (let c = 0; c < cols; c++) u[(pb + c) * n + i] = ((i === pb + c ? 1 : 0) - s[c]!) * inv;
    }
  }
  // A⁻¹[p][q] = Σ_t U[p][t] U[q][t], and the zeros of U limit t to t >= max(p, q).
  const out = a;
  for (let pb = 0; pb < n; pb += BLOCK) {
    const width = Math.min(BLOCK, n - pb);
    for (let q = pb; q < n; q++) {
      dotBlock(u, q * n + q, u, pb * n + q, n, width, n - q, s);
      for (let c = 0; c < width; c++) {
        out[(pb + c) * n + q] = s[c]!;
        out[q * n + pb + c] = s[c]!;
      }
    }
  }
  return out;
}
