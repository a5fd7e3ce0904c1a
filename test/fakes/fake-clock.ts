import type { Clock } from '../../src/ports/clock.js';

/** A clock that only moves when a test says so. */
export class FakeClock implements Clock {
  constructor(private ms = Date.parse('2026-01-15T12:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
