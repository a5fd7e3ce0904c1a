/**
 * The small error taxonomy: UserError (shown to the user, never retried), TransientError (retried with backoff)
 * and BugError (reported). Each carries a stable code; the HTTP layer maps kinds to status codes.
 */
export type UserErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'needs_reconnect';

export class UserError extends Error {
  constructor(
    readonly kind: UserErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class TransientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export class BugError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BugError';
  }
}

/** Shorthands for the user errors services raise most. */
export const notFound = (what: string): UserError =>
  new UserError('not_found', `${what}_not_found`, `${capitalize(what.replace(/_/g, ' '))} not found`);
export const forbidden = (message = 'Your role does not allow this'): UserError =>
  new UserError('forbidden', 'forbidden', message);
export const unauthenticated = (): UserError =>
  new UserError('unauthenticated', 'unauthenticated', 'Sign in to continue');

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
