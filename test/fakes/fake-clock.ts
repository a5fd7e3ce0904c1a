import type { Clock } from '../../src/ports/clock.js';

/** A clock that only moves when a test says so. */
export class FakeClock implements Clock {
  // Starts at the real time, so it agrees with services that keep their own clock (the sandbox).
  constructor(private ms = Date.now()) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
