import { useId } from 'react';
import { MAX_DURATION, MIN_DURATION } from './briefOptions.js';

interface DurationFieldProps {
  seconds: number;
  error: string | undefined;
  onChange: (seconds: number) => void;
}

/** A slider for a quick choice and a number box for an exact one, both bound to the same value. */
export function DurationField({ seconds, error, onChange }: DurationFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = error ? `${hintId} ${errorId}` : hintId;
  const valid = Number.isFinite(seconds);
  return (
    <fieldset className="fieldset">
      <legend>Length</legend>
      <div className="duration-row">
        <input
          type="range"
          className="duration-slider"
          min={MIN_DURATION}
          max={MAX_DURATION}
          step={1}
          value={valid ? seconds : MIN_DURATION}
          aria-label="Seconds (slider)"
          aria-describedby={hintId}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <div className="field duration-number">
          <label htmlFor={id}>Seconds</label>
          <input
            id={id}
            name="durationSeconds"
            type="number"
            inputMode="numeric"
            min={MIN_DURATION}
            max={MAX_DURATION}
            step={1}
            value={valid ? seconds : ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(event) => onChange(event.target.value === '' ? NaN : Number(event.target.value))}
          />
        </div>
      </div>
      <p id={hintId} className="field-hint">
        From {MIN_DURATION} to {MAX_DURATION} seconds. Short videos (15–30 s) are the most often watched to
        the end.
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
