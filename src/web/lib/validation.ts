import { emailSchema } from '../../api/auth.js';

/** The server's minimum; checking it here saves a round trip, the server still decides. */
export const MIN_PASSWORD_LENGTH = 10;

export type FieldErrors = Partial<Record<string, string>>;

export function emailError(value: string): string | undefined {
  if (!value.trim()) return 'Enter an email address.';
  if (!emailSchema.safeParse(value.trim()).success)
    return 'Enter a valid email address, like name@example.com.';
  return undefined;
}

export function newPasswordError(value: string): string | undefined {
  if (!value) return 'Choose a password.';
  if (value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (value.length > 200) return 'Use at most 200 characters.';
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Moves focus to the first field that needs fixing, so keyboard users land on it. */
export function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors): void {
  const first = Object.keys(errors).find((name) => errors[name]);
  if (!first) return;
  const element = form.elements.namedItem(first);
  if (element instanceof HTMLElement) element.focus();
}

/** Only same-site paths are allowed as a "next" destination, never another origin. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
