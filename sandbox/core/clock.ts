/** A controllable clock: every expiry in the sandbox (tokens, containers, upload URLs, quota) follows it. */
export class SandboxClock {
  private offsetMs = 0;

  /** Milliseconds since the epoch, shifted by any advance. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Seconds since the epoch, as the platforms report times. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves time forward (never backward). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('The sandbox clock only moves forward');
    this.offsetMs += ms;
  }
}
