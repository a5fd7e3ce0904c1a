/**
 * Fitted models kept per workspace and account, each with the fingerprint of the data it was fitted on: a
 * request with the same data reuses the fit, new readings refit. The oldest entry goes first past `capacity`.
 */
export class ModelCache<T> {
  private readonly entries = new Map<string, { fingerprint: string; value: T }>();

  constructor(private readonly capacity = 200) {}

  /** The value fitted on data with this fingerprint, or a fresh one from `fit` (kept for next time). */
  get(key: string, fingerprint: string, fit: () => T): T {
    const cached = this.entries.get(key);
    if (cached && cached.fingerprint === fingerprint) return cached.value;
    const value = fit();
    this.entries.delete(key);
    this.entries.set(key, { fingerprint, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}
