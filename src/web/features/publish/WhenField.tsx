import { Field } from '../../components/Field.js';
import { localInputToUtc, localZone, zoneLabel } from './scheduleTime.js';

/** Publish as soon as possible, or at a local date-time the person picked. */
export type When = { mode: 'now' } | { mode: 'later'; local: string };

/** What is wrong with the chosen time, or undefined. */
export function whenError(when: When, now: Date): string | undefined {
  if (when.mode === 'now') return undefined;
  const utc = localInputToUtc(when.local);
  if (!utc) return 'Choose the date and time to publish.';
  return new Date(utc).getTime() <= now.getTime() ? 'Choose a time in the future.' : undefined;
}

/** The scheduling part of POST /api/publications: UTC time and the zone it was picked in; nothing for now. */
export function whenRequest(when: When): { scheduledAt?: string; timeZone?: string } {
  if (when.mode === 'now') return {};
  const utc = localInputToUtc(when.local);
  return utc ? { scheduledAt: utc, timeZone: localZone() } : {};
}

interface WhenFieldProps {
  name: string;
  value: When;
  error: string | undefined;
  onChange: (when: When) => void;
  /** The first time suggested when "Schedule" is picked. */
  suggestion: string;
}

/** "Publish now" or "Schedule" with a date-time in the person's time zone, named beside it. */
export function WhenField({ name, value, error, onChange, suggestion }: WhenFieldProps) {
  const local = value.mode === 'later' ? value.local : '';
  return (
    <fieldset className="fieldset">
      <legend>When</legend>
      <div className="choice-list choice-list-inline">
        <label className="choice">
          <input
            type="radio"
            name={`${name}-when`}
            checked={value.mode === 'now'}
            onChange={() => onChange({ mode: 'now' })}
          />
          <span className="choice-label">Publish now</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name={`${name}-when`}
            checked={value.mode === 'later'}
            onChange={() => onChange({ mode: 'later', local: local || suggestion })}
          />
          <span className="choice-label">Schedule</span>
        </label>
      </div>
      {value.mode === 'later' && (
        <Field
          label="Date and time"
          name={`${name}-scheduled-at`}
          type="datetime-local"
          value={local}
          error={error}
          hint={`Your time zone: ${zoneLabel(new Date())}`}
          onChange={(event) => onChange({ mode: 'later', local: event.target.value })}
        />
      )}
    </fieldset>
  );
}
