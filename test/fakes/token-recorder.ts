/**
 * Records every token value the sandbox hands out, by watching the JSON bodies the app receives through fetch,
 * so a leak test can search storage, logs and responses for them.
 */
export class TokenRecorder {
  readonly tokens = new Set<string>();
  private original: typeof fetch | null = null;

  install(): void {
    this.original = globalThis.fetch;
    const original = this.original;
    globalThis.fetch = async (input, init) => {
      const response = await original(input, init);
      const copy = response.clone();
      const text = await copy.text().catch(() => '');
      this.collect(text);
      return response;
    };
  }

  uninstall(): void {
    if (this.original) globalThis.fetch = this.original;
    this.original = null;
  }

  private collect(text: string): void {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const visit = (value: unknown, key = ''): void => {
      if (typeof value === 'string' && /token/i.test(key) && value.length >= 8) this.tokens.add(value);
      else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
    };
    visit(json);
  }
}
