import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import type { ItemView } from '../../../api/content.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { itemKeys } from '../library/libraryApi.js';
import { createSeriesFromCsv } from './createApi.js';
import { TextAreaField } from './FormControls.js';
import { OfflineEnginesNote } from './OfflineEnginesNote.js';
import { SeriesColumns } from './SeriesColumns.js';

// The server's limit on the CSV text; checking it here saves uploading a file it would refuse.
const MAX_CSV_CHARACTERS = 200_000;

/** Many videos at once from CSV, pasted or uploaded; they are all queued and made one after another. */
export function SeriesForm() {
  const [csv, setCsv] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [created, setCreated] = useState<ItemView[] | null>(null);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createSeriesFromCsv,
    onSuccess: ({ items }) => {
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
      setCreated(items.map((entry) => entry.item));
      setCsv('');
    },
  });
  const noticeRef = useRef<HTMLDivElement>(null);

  // The form is cleared on success: move focus to the notice that says what happened.
  useEffect(() => {
    if (created) noticeRef.current?.focus();
  }, [created]);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_CSV_CHARACTERS) {
      setFieldError('That file is too big: a series CSV can be at most 200 KB.');
      return;
    }
    setCsv(await file.text());
    setFieldError(undefined);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const textarea = event.currentTarget.elements.namedItem('csv');
    const problem = !csv.trim()
      ? 'Paste the CSV here, or choose a CSV file above.'
      : csv.length > MAX_CSV_CHARACTERS
        ? 'The CSV is too long: at most 200,000 characters.'
        : undefined;
    setFieldError(problem);
    if (problem) {
      if (textarea instanceof HTMLElement) textarea.focus();
      return;
    }
    create.mutate(csv);
  }

  return (
    <div className="stack-large">
      {created && (
        <div ref={noticeRef} tabIndex={-1} className="stack">
          <SuccessNotice>
            Created {created.length} {created.length === 1 ? 'video' : 'videos'}. They are being made now;
            follow them in the <Link to="/library">Library</Link>.
          </SuccessNotice>
          <ul className="created-list" aria-label="Videos just created">
            {created.map((item) => (
              <li key={item.id}>
                <Link to={`/library/${encodeURIComponent(item.id)}`}>{item.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="series-file">Upload a CSV file</label>
          <input
            id="series-file"
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <TextAreaField
          label="CSV"
          name="csv"
          rows={8}
          value={csv}
          error={fieldError}
          spellCheck={false}
          className="csv-input"
          hint="Or paste it here. A file you upload appears here, so you can check it before creating."
          onChange={(event) => setCsv(event.target.value)}
        />
        <div className="form-submit">
          <OfflineEnginesNote id="series-engines-note" />
          <ErrorAlert error={create.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending}
            aria-describedby="series-engines-note"
          >
            {create.isPending ? 'Creating…' : 'Create series'}
          </button>
        </div>
      </form>
      <SeriesColumns />
    </div>
  );
}
