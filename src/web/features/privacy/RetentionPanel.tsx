import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RetentionView } from '../../../api/workspace-settings.js';
import { ErrorAlert, SuccessNotice } from '../../components/Alerts.js';
import { reviewKeys, updateWorkspaceSettings, workspaceSettingsQuery } from '../review/reviewApi.js';

function describe(r: RetentionView): string {
  const media =
    r.unpublishedMediaDays === null
      ? 'Rendered videos, covers and voice-overs of items never published are kept.'
      : `Rendered videos, covers and voice-overs of items never published are deleted ${r.unpublishedMediaDays} days after their last change; the item stays and can be made again.`;
  const stats =
    r.statsOnDisconnect === 'delete'
      ? 'The statistics of an account are deleted when it is disconnected or its access revoked.'
      : 'The statistics of an account are kept when it is disconnected or its access revoked.';
  return `${media} ${stats}`;
}

/** The form an owner edits; it starts from the saved setting. */
function RetentionForm({ saved }: { saved: RetentionView }) {
  const queryClient = useQueryClient();
  const [deleteMedia, setDeleteMedia] = useState(saved.unpublishedMediaDays !== null);
  const [days, setDays] = useState(String(saved.unpublishedMediaDays ?? 90));
  const [stats, setStats] = useState(saved.statsOnDisconnect);
  const save = useMutation({
    mutationFn: (retention: RetentionView) => updateWorkspaceSettings({ retention }),
    onSuccess: (next) => queryClient.setQueryData(reviewKeys.settings, next),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ unpublishedMediaDays: deleteMedia ? Number(days) : null, statsOnDisconnect: stats });
  }
  return (
    <form onSubmit={submit} className="stack">
      <fieldset>
        <legend>Rendered media of items never published</legend>
        <label className="choice">
          <input type="checkbox" checked={deleteMedia} onChange={(e) => setDeleteMedia(e.target.checked)} />
          <span className="choice-label">Delete them after a number of days without change</span>
        </label>
        <label>
          Days to keep them
          <input
            type="number"
            min={1}
            max={3650}
            step={1}
            required={deleteMedia}
            disabled={!deleteMedia}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Statistics of a disconnected account</legend>
        <label className="choice">
          <input type="radio" name="stats" checked={stats === 'keep'} onChange={() => setStats('keep')} />
          <span className="choice-label">Keep them</span>
        </label>
        <label className="choice">
          <input type="radio" name="stats" checked={stats === 'delete'} onChange={() => setStats('delete')} />
          <span className="choice-label">Delete them when the account is disconnected</span>
        </label>
      </fieldset>
      <ErrorAlert error={save.error} />
      {save.isSuccess && <SuccessNotice>Retention saved.</SuccessNotice>}
      <div>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save retention'}
        </button>
      </div>
    </form>
  );
}

/** How long the workspace keeps what it no longer needs: owners choose, everyone sees the rule. */
export function RetentionPanel({ isOwner }: { isOwner: boolean }) {
  const settings = useQuery(workspaceSettingsQuery);
  const retention = settings.data?.retention;
  return (
    <section className="panel" aria-labelledby="privacy-retention">
      <h2 id="privacy-retention">Retention</h2>
      <ErrorAlert error={settings.error} />
      {retention && <p>{describe(retention)}</p>}
      <p className="muted">
        A scheduled job applies this every day. Media of published or scheduled videos, your uploads and your
        media library are never deleted by it.
      </p>
      {retention && isOwner && <RetentionForm saved={retention} />}
      {retention && !isOwner && <p className="muted">Only an owner can change it.</p>}
    </section>
  );
}
