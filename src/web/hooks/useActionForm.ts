import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../lib/validation.js';

/** The form's text values by field name. */
export type FormValues<K extends string> = Record<K, string>;

export interface ActionFormOptions<K extends string> {
  /** Checks made before calling the server; any message stops the submit and moves focus to its field. */
  validate: (values: FormValues<K>) => FieldErrors;
  /** The API call(s) the form makes; a failure lands in `mutation.error`. */
  run: (values: FormValues<K>) => Promise<void>;
  /** Called once `run` succeeded, with the values it was given. */
  onSuccess?: (values: FormValues<K>) => void;
}

/** What a <Field> needs to show, edit and explain one value of the form. */
export interface BoundField {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
}

export interface ActionFormState<K extends string> {
  values: FormValues<K>;
  setValue: (name: K, value: string) => void;
  errors: FieldErrors;
  /** Ties a <Field> to the value of the same name: `<Field label="Email" {...form.field('email')} />`. */
  field: (name: K) => BoundField;
  /** The form's API call: its pending and error state. */
  mutation: UseMutationResult<void, Error, FormValues<K>>;
  /** The form's submit handler: validates, then runs the API call. */
  submit: (event: FormEvent<HTMLFormElement>) => void;
}

/** The text values, field errors and API call of one form that posts to the server. */
export function useActionForm<K extends string>(
  initial: FormValues<K>,
  options: ActionFormOptions<K>,
): ActionFormState<K> {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const mutation = useMutation({
    mutationFn: options.run,
    onSuccess: (_done, submitted) => options.onSuccess?.(submitted),
  });

  function setValue(name: K, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
  }

  function field(name: K): BoundField {
    return {
      name,
      value: values[name],
      onChange: (event) => setValue(name, event.target.value),
      error: errors[name],
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = options.validate(values);
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    mutation.mutate(values);
  }

  return { values, setValue, errors, field, mutation, submit };
}
