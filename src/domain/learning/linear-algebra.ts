/**
 * Dense symmetric positive-definite algebra on row-major n×n Float64Arrays: the model's posterior is one linear
 * system of a few hundred unknowns, small enough that exact dense algebra is fast and simple.
 */

/**
 * Cholesky factor L (lower, A = L Lᵀ) of a symmetric positive-definite matrix. Rows are skipped up to their first
 * non-zero (`first`), so the block-arrow systems of the model (per-account blocks, then the shared block) cost a
 * fraction of a dense factorisation.
 */
export function cholesky(a: Float64Array, n: number, first: Int32Array): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const fi = first[i]!;
    const rowI = i * n;
    for (let j = fi; j <= i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j]!;
      for (let k = Math.max(fi, first[j]!); k < j; k++) sum -= l[rowI + k]! * l[rowJ + k]!;
      if (i === j) {
        // Round-off on a nearly singular system: a tiny floor keeps the factor finite.
        l[rowI + i] = Math.sqrt(Math.max(sum, 1e-12));
      } else {
        l[rowI + j] = sum / l[rowJ + j]!;
      }
    }
  }
  return l;
}

/** x with L Lᵀ x = b. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  return backwardSolve(l, n, forwardSolve(l, n, b));
}

/** z with L z = b. */
export function forwardSolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    const row = i * n;
    for (let k = 0; k < i; k++) sum -= l[row + k]! * z[k]!;
    z[i] = sum / l[row + i]!;
  }
  return z;
}

/** x with Lᵀ x = z: turns standard normal draws z into a draw with covariance (L Lᵀ)⁻¹. */
export function backwardSolve(l: Float64Array, n: number, z: Float64Array): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * The entries of (L Lᵀ)⁻¹ on the envelope of L (Takahashi's recurrence, from the last row up): every entry the model
 * reads (within an account's block, between an account and the shared effects, among the shared effects) at about
 * the cost of the factorisation. Entries outside the envelope (between two accounts' own terms) are left at 0.
 */
export function envelopeInverse(l: Float64Array, n: number, first: Int32Array): Float64Array {
  const z = new Float64Array(n * n);
  const rows = new Int32Array(n);
  const column = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    // Rows below the diagonal that column i of L reaches, and that column's values.
    let count = 0;
    for (let k = i + 1; k < n; k++) {
      if (first[k]! > i) continue;
      rows[count] = k;
      column[count++] = l[k * n + i]!;
    }
    const lii = l[i * n + i]!;
    for (let a = count - 1; a >= 0; a--) {
      const row = rows[a]! * n;
      let sum = 0;
      // z is symmetric: reading row j keeps the inner loop on contiguous memory.
      for (let b = 0; b < count; b++) sum += column[b]! * z[row + rows[b]!]!;
      z[i * n + rows[a]!] = -sum / lii;
      z[row + i] = -sum / lii;
    }
    let sum = 0;
    for (let b = 0; b < count; b++) sum += column[b]! * z[i * n + rows[b]!]!;
    z[i * n + i] = (1 / lii - sum) / lii;
  }
  return z;
}
