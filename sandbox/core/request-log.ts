export interface LoggedRequest {
  at: number;
  platform: string;
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
}

/** A bounded log of the calls the sandbox answered, for assertions in tests and for the admin API. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 5000) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  list(filter: { platform?: string; pathIncludes?: string } = {}): LoggedRequest[] {
    return this.entries.filter(
      (e) =>
        (!filter.platform || e.platform === filter.platform) &&
        (!filter.pathIncludes || e.path.includes(filter.pathIncludes)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
