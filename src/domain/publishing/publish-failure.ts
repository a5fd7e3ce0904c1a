import type { Platform } from '../connection.js';

/**
 * What to do about a platform's refusal:
 * - retry: a transient fault; run again after backoff (or `retryAt`);
 * - defer: a limit; wait until `retryAt` with the reason shown, not counted as a failure;
 * - reconnect: the grant is dead or lacks a scope; the person must reconnect (needs_action);
 * - fail: the platform will never take it as it is (bad media, banned, policy); shown with the reason.
 */
export type PublishFailureAction = 'retry' | 'defer' | 'reconnect' | 'fail';

/** A platform refusal, already mapped to plain words and an action by that platform's error table. */
export class PublishFailure extends Error {
  constructor(
    readonly platform: Platform,
    /** The platform's own code, prefixed, e.g. "tiktok.spam_risk_too_many_posts". */
    readonly code: string,
    /** Plain words for the person. */
    message: string,
    readonly action: PublishFailureAction,
    /** When to try again (Retry-After, the daily reset, the rolling window), epoch ms. */
    readonly retryAt: number | null = null,
  ) {
    super(message);
    this.name = 'PublishFailure';
  }

  get retriable(): boolean {
    return this.action === 'retry' || this.action === 'defer';
  }
}
