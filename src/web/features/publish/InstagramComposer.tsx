import { useState } from 'react';
import type { ConnectionView } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { TextAreaField } from '../create/FormControls.js';
import { ComposerFrame, type ComposerBodyProps } from './ComposerFrame.js';
import type { ComposerVersion } from './composerVersion.js';
import { CoverFramePicker } from './CoverFramePicker.js';
import {
  captionCounts,
  initialInstagramDraft,
  instagramCaptionError,
  instagramPayload,
  type InstagramDraft,
} from './instagramComposerRules.js';
import { defaultScheduleInput } from './scheduleTime.js';
import { usePublish } from './usePublish.js';
import { WhenField, whenError, whenRequest, type When } from './WhenField.js';

interface InstagramComposerProps {
  connection: ConnectionView & { platform: 'instagram' };
  version: ComposerVersion;
}

const n = (value: number) => value.toLocaleString();

function InstagramForm({
  options,
  onPublished,
  connection,
  version,
}: ComposerBodyProps<'instagram'> & InstagramComposerProps) {
  const [draft, setDraft] = useState<InstagramDraft>(() =>
    initialInstagramDraft(version.metadata.instagram?.caption ?? '', version.coverAtMs, version.durationMs),
  );
  const [when, setWhen] = useState<When>({ mode: 'now' });
  const publish = usePublish(onPublished);
  const change = (part: Partial<InstagramDraft>) => setDraft((current) => ({ ...current, ...part }));
  const captionError = instagramCaptionError(draft.caption);
  const timeError = whenError(when, new Date());
  const counts = captionCounts(draft.caption);

  function submit() {
    if (captionError || timeError) return;
    publish.mutate({
      versionId: version.id,
      connectionId: connection.id,
      ...whenRequest(when),
      options: instagramPayload(draft),
    });
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="muted">
        {n(options.quotaLeft)} of {n(options.quotaTotal)} posts left in Instagram’s 24-hour limit for this
        account.
        {options.quotaLeft <= 0 && ' The Reel will wait until Instagram allows more, and say so.'}
      </p>
      <TextAreaField
        label="Reel caption"
        name="instagram-post-caption"
        rows={4}
        value={draft.caption}
        error={captionError}
        hint={`${n(counts.characters.used)} of ${n(counts.characters.max)} characters · ${counts.hashtags.used} of ${counts.hashtags.max} hashtags · ${counts.mentions.used} of ${counts.mentions.max} mentions`}
        onChange={(event) => change({ caption: event.target.value })}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.shareToFeed}
          onChange={(event) => change({ shareToFeed: event.target.checked })}
        />
        <span className="choice-text">
          <span className="choice-label">Also share to the feed</span>
          <span className="choice-description">
            The Reel shows on the profile grid and in followers’ feeds.
          </span>
        </span>
      </label>
      <CoverFramePicker
        version={version}
        valueMs={draft.coverAtMs}
        onChange={(coverAtMs) => change({ coverAtMs })}
      />
      <WhenField
        name="instagram"
        value={when}
        error={timeError}
        suggestion={defaultScheduleInput(new Date())}
        onChange={setWhen}
      />
      <ErrorAlert error={publish.error} />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={publish.isPending || Boolean(captionError) || Boolean(timeError)}
        >
          {publish.isPending ? 'Sending…' : when.mode === 'later' ? 'Schedule Reel' : 'Publish Reel'}
        </button>
      </div>
    </form>
  );
}

/** The Instagram Reels composer: caption within Instagram's limits, share to feed, cover frame. */
export function InstagramComposer({ connection, version }: InstagramComposerProps) {
  return (
    <ComposerFrame connection={connection}>
      {(body) => <InstagramForm {...body} connection={connection} version={version} />}
    </ComposerFrame>
  );
}
