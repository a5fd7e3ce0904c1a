import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { PublicationView } from '../../../api/publishing.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { canCancel, canReschedule, canRetry } from './publicationStatus.js';
import { cancelPublication, reschedulePublication, retryPublication } from './publishApi.js';
import { localInputToUtc, localZone, toLocalInputValue, zoneLabel } from './scheduleTime.js';
import { plannedAt } from './publicationStatus.js';

interface Props {
  publication: PublicationView;
  change: UseMutationResult<unknown, Error, () => Promise<unknown>>;
}

/** Retry (failed or needing action), cancel and reschedule (before the upload starts). */
export function PublicationActions({ publication, change }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState(() => toLocalInputValue(new Date(plannedAt(publication))));
  const { id, status } = publication;
  const utc = localInputToUtc(local);
  const timeError = !utc
    ? 'Choose a date and time.'
    : new Date(utc) <= new Date()
      ? 'Choose a time in the future.'
      : undefined;
  return (
    <div className="stack">
      <ErrorAlert error={change.error} />
      {canRetry(status) && (
        <button
          type="button"
          className="button button-primary"
          disabled={change.isPending}
          onClick={() => change.mutate(() => retryPublication(id))}
        >
          Retry
        </button>
      )}
      {canReschedule(status) && (
        <form
          className="form-inline"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (utc && !timeError) change.mutate(() => reschedulePublication(id, utc, localZone()));
          }}
        >
          <Field
            label="Move to"
            name="reschedule-at"
            type="datetime-local"
            value={local}
            error={timeError}
            hint={`Your time zone: ${zoneLabel(new Date())}`}
            onChange={(event) => setLocal(event.target.value)}
          />
          <button
            type="submit"
            className="button button-secondary"
            disabled={change.isPending || Boolean(timeError)}
          >
            Reschedule
          </button>
        </form>
      )}
      {canCancel(status) &&
        (confirming ? (
          <div className="button-row">
            <span>Cancel this publication? Nothing has been sent yet.</span>
            <button
              type="button"
              className="button button-danger"
              disabled={change.isPending}
              onClick={() =>
                change.mutate(() => cancelPublication(id), { onSettled: () => setConfirming(false) })
              }
            >
              Yes, cancel it
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        ) : (
          <button type="button" className="button button-quiet-danger" onClick={() => setConfirming(true)}>
            Cancel publication
          </button>
        ))}
    </div>
  );
}
