import type { ComponentProps } from 'react';
import { MIN_PASSWORD_LENGTH } from '../lib/validation.js';
import { Field } from './Field.js';

/** Where a person chooses a password: the strength hint, and a cue for password managers to suggest one. */
export function NewPasswordField(
  props: Omit<ComponentProps<typeof Field>, 'type' | 'autoComplete' | 'hint'>,
) {
  return (
    <Field
      type="password"
      autoComplete="new-password"
      hint={`At least ${MIN_PASSWORD_LENGTH} characters. Avoid common passwords.`}
      {...props}
    />
  );
}
