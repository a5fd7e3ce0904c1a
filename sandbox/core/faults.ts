/** What an injected fault makes the next matching call do. */
export type FaultKind =
  | { type: 'status'; status: number } // a bare HTTP status such as 429, 500 or 503 in the platform's envelope
  | { type: 'platform_error'; code: string | number; status: number; subcode?: number; message?: string }
  | { type: 'hang' } // never answers (the client must time out)
  | { type: 'drop' } // closes the socket without an answer
  | { type: 'latency'; ms: number }; // answers normally after a delay

export interface Fault {
  id: number;
  platform: string;
  /** Matches `METHOD path` of the route as registered (e.g. `POST /v2/post/publish/video/init/`); '*' for any. */
  endpoint: string;
  kind: FaultKind;
  remaining: number;
}

/** The "next N calls to an endpoint fail like this" registry behind the admin API. */
export class FaultRegistry {
  private faults: Fault[] = [];
  private nextId = 1;

  add(platform: string, endpoint: string, kind: FaultKind, count = 1): Fault {
    const fault = { id: this.nextId++, platform, endpoint, kind, remaining: count };
    this.faults.push(fault);
    return fault;
  }

  /** Consumes one use of the first fault matching this call, if any. */
  take(platform: string, method: string, routePath: string): FaultKind | undefined {
    const key = `${method.toUpperCase()} ${routePath}`;
    const fault = this.faults.find(
      (f) => f.platform === platform && f.remaining > 0 && (f.endpoint === '*' || f.endpoint === key),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault.kind;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }
}
