import { useEffect, useRef } from 'react';
import { Field } from '../../components/Field.js';
import type { FieldErrors } from '../../lib/validation.js';
import { MAX_KEY_POINTS } from './briefOptions.js';

interface KeyPointsFieldProps {
  points: string[];
  errors: FieldErrors;
  onChange: (points: string[]) => void;
}

/** A growing list of one-line key points; there is always at least one box to type in. */
export function KeyPointsField({ points, errors, onChange }: KeyPointsFieldProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // Added and removed boxes move focus; the target is only known once React has rendered the new list.
  const focusAfterRender = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAfterRender.current;
    if (index === null) return;
    focusAfterRender.current = null;
    listRef.current?.querySelector<HTMLInputElement>(`input[name="keyPoint-${index}"]`)?.focus();
  });

  function add() {
    focusAfterRender.current = points.length;
    onChange([...points, '']);
  }

  function remove(index: number) {
    focusAfterRender.current = Math.max(0, index - 1);
    onChange(points.filter((_, i) => i !== index));
  }

  return (
    <fieldset className="fieldset">
      <legend>
        Key points <span className="legend-note">(optional)</span>
      </legend>
      <p className="field-hint">
        The points the video should make, in order, one per box. Up to {MAX_KEY_POINTS}.
      </p>
      <ol ref={listRef} className="key-point-list">
        {points.map((point, index) => (
          // Index keys: the boxes are plain text, and their order is their identity.
          <li key={index} className="key-point">
            <Field
              label={`Key point ${index + 1}`}
              name={`keyPoint-${index}`}
              value={point}
              error={errors[`keyPoint-${index}`]}
              onChange={(event) =>
                onChange(points.map((value, i) => (i === index ? event.target.value : value)))
              }
            />
            {points.length > 1 && (
              <button type="button" className="button button-quiet-danger" onClick={() => remove(index)}>
                Remove<span className="visually-hidden"> key point {index + 1}</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {points.length < MAX_KEY_POINTS && (
        <button type="button" className="button button-secondary" onClick={add}>
          Add a key point
        </button>
      )}
    </fieldset>
  );
}
