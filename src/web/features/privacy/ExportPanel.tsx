import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { formatDate } from '../../lib/roles.js';
import {
  exportInFlight,
  exportStatusQuery,
  latestExportQuery,
  startExport,
  type DataExportView,
} from './privacyApi.js';

const waiting = {
  progress: 0,
  downloadUrl: null,
  expiresAt: null,
  error: null,
  createdAt: new Date(0).toISOString(),
} satisfies Partial<DataExportView>;

/** "Download my data": starts a copy of everything kept about the person, follows it, then links the ZIP. */
export function ExportPanel() {
  const queryClient = useQueryClient();
  const latest = useQuery(latestExportQuery);
  const [startedId, setStartedId] = useState<string | null>(null);
  const id = startedId ?? latest.data?.export?.id ?? null;
  const status = useQuery({ ...exportStatusQuery(id ?? ''), enabled: id !== null });
  const start = useMutation({
    mutationFn: startExport,
    onSuccess: async ({ export: started }) => {
      // Shown as waiting at once (the answer holds only id and status); polling then fills in the rest.
      queryClient.setQueryData(exportStatusQuery(started.id).queryKey, (known) =>
        known && exportInFlight(known) ? known : { ...waiting, ...started },
      );
      setStartedId(started.id);
      await queryClient.invalidateQueries({ queryKey: exportStatusQuery(started.id).queryKey });
    },
  });
  const current = status.data ?? (id === latest.data?.export?.id ? latest.data?.export : null) ?? null;
  return (
    <section className="panel" aria-labelledby="export-heading">
      <h2 id="export-heading" className="panel-title">
        Download my data
      </h2>
      <p>
        A ZIP file with one JSON file per kind of record we keep about you and the workspaces you own
        (account, memberships, connected accounts with their tokens masked, items and their versions, reviews,
        publications, statistics, recommendations, audit events), your media files, and a README explaining
        every file and field. In workspaces you do not own it holds your membership and the items you made. We
        mail you when it is ready; the link works for 7 days, signed in to this account.
      </p>
      <ErrorAlert error={start.error ?? latest.error ?? status.error} />
      <ExportState current={current} starting={start.isPending} onStart={() => start.mutate()} />
    </section>
  );
}

/** What the panel shows for the current export: a start button, the progress, the link, or the failure. */
export function ExportState({
  current,
  starting,
  onStart,
}: {
  current: DataExportView | null;
  starting: boolean;
  onStart: () => void;
}) {
  if (exportInFlight(current) && current) {
    return (
      <div className="stack">
        <ProgressBar label="Preparing your data" value={current.progress} />
        <p role="status">Preparing your data… {Math.round(current.progress * 100)} %</p>
      </div>
    );
  }
  if (current?.status === 'ready' && current.downloadUrl) {
    return (
      <div className="stack">
        <p>
          <a className="button button-primary" href={current.downloadUrl} download>
            Download ZIP
          </a>
        </p>
        {current.expiresAt && <p>The link works until {formatDate(current.expiresAt)}.</p>}
        <p>
          <button type="button" className="button button-secondary" disabled={starting} onClick={onStart}>
            Make a new copy
          </button>
        </p>
      </div>
    );
  }
  if (current?.status === 'failed') {
    return (
      <div className="stack">
        <ErrorAlert>{current.error ?? 'The copy of your data could not be made.'}</ErrorAlert>
        <button type="button" className="button button-primary" disabled={starting} onClick={onStart}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="button button-primary" disabled={starting} onClick={onStart}>
      Download my data
    </button>
  );
}
