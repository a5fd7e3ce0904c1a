import { UserError } from './errors.js';

export const MIN_PASSWORD_LENGTH = 10;

// The most common passwords of public breach lists that are ten characters or longer.
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '1q2w3e4r5t',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'iloveyou12',
  'qwerty1234',
  'qwerty12345',
  'abcdefghij',
  'aaaaaaaaaa',
  'letmein123',
  'welcome123',
  'changeme123',
  'administrator',
  '1111111111',
  '12345678910',
]);

/** Rejects passwords that are short, common, a single repeated character, or contain the email's name. */
export function assertStrongPassword(password: string, email: string): void {
  const lower = password.toLowerCase();
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  const reason =
    password.length < MIN_PASSWORD_LENGTH
      ? `Use at least ${MIN_PASSWORD_LENGTH} characters`
      : COMMON.has(lower) || new Set(lower).size <= 2
        ? 'This password is too easy to guess'
        : local.length >= 4 && lower.includes(local)
          ? 'The password must not contain your email address'
          : null;
  if (reason) throw new UserError('validation', 'weak_password', reason);
}
