import { useState } from 'react';
import type { ConnectionView } from '../../../api/connections.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { SelectField, TextAreaField } from '../create/FormControls.js';
import { METADATA_LIMITS as L } from '../../../domain/metadata/limits.js';
import { ComposerFrame, type ComposerBodyProps } from './ComposerFrame.js';
import type { ComposerVersion } from './composerVersion.js';
import { ComposerPreview } from './ComposerPreview.js';
import { defaultScheduleInput } from './scheduleTime.js';
import { TiktokCommercialFields } from './TiktokCommercialFields.js';
import { TiktokDeclarations } from './TiktokDeclarations.js';
import {
  blockers,
  initialTiktokDraft,
  interactionControl,
  PRIVACY_PLACEHOLDER,
  privacyChoices,
  tiktokPayload,
  UNAUDITED_EXPLANATION,
  type Interaction,
  type TiktokDraft,
  type TiktokMode,
} from './tiktokComposerRules.js';
import { usePublish } from './usePublish.js';
import { WhenField, whenError, whenRequest, type When } from './WhenField.js';

interface TiktokComposerProps {
  connection: ConnectionView & { platform: 'tiktok' };
  version: ComposerVersion;
}

const INTERACTIONS: { key: Interaction; label: string }[] = [
  { key: 'comment', label: 'Comment' },
  { key: 'duet', label: 'Duet' },
  { key: 'stitch', label: 'Stitch' },
];

function TiktokForm({
  options: info,
  reload,
  onPublished,
  connection,
  version,
}: ComposerBodyProps<'tiktok'> & TiktokComposerProps) {
  const [draft, setDraft] = useState<TiktokDraft>(() =>
    initialTiktokDraft(version.metadata.tiktok?.caption ?? ''),
  );
  const [when, setWhen] = useState<When>({ mode: 'now' });
  const publish = usePublish(onPublished);
  const change = (part: Partial<TiktokDraft>) => setDraft((current) => ({ ...current, ...part }));
  const timeError = whenError(when, new Date());
  const directBlockers = blockers(info, draft, version.durationMs, 'direct');
  const draftBlockers = blockers(info, draft, version.durationMs, 'draft');
  const later = when.mode === 'later';

  function send(mode: TiktokMode) {
    if (timeError) return;
    publish.mutate({
      versionId: version.id,
      connectionId: connection.id,
      ...whenRequest(when),
      options: tiktokPayload(info, draft, mode),
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
      <p className="composer-creator">
        Posting to TikTok as <strong>{info.creator.nickname}</strong>
        {info.creator.username && <span className="muted"> @{info.creator.username}</span>}
      </p>
      {!info.canPostNow && (
        <div role="alert" className="alert alert-error composer-stop">
          <p>{info.reason ?? 'TikTok says this account can’t post right now.'} Try again later.</p>
          <button type="button" className="button button-secondary" onClick={reload}>
            Check again
          </button>
        </div>
      )}
      {info.unauditedApp && <p className="panel muted">{UNAUDITED_EXPLANATION}</p>}
      <ComposerPreview version={version} label="Preview of the video to post on TikTok" />
      <TextAreaField
        label="Caption for this TikTok post"
        name="tiktok-post-caption"
        rows={3}
        value={draft.caption}
        hint={`${draft.caption.length.toLocaleString()} of ${L.tiktokCaptionUnits.toLocaleString()} characters`}
        onChange={(event) => change({ caption: event.target.value })}
      />
      <SelectField
        label="Who can see this video"
        name="tiktok-privacy"
        value={draft.privacyLevel}
        required
        hint={privacyChoices(info, draft).find((choice) => choice.why)?.why}
        onChange={(event) => change({ privacyLevel: event.target.value as TiktokDraft['privacyLevel'] })}
      >
        <option value="" disabled>
          {PRIVACY_PLACEHOLDER}
        </option>
        {privacyChoices(info, draft).map((choice) => (
          <option key={choice.value} value={choice.value} disabled={!choice.enabled}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>Allow users to</legend>
        <div className="choice-list choice-list-inline">
          {INTERACTIONS.map(({ key, label }) => {
            const control = interactionControl(info, key);
            return (
              <label key={key} className={`choice${control.enabled ? '' : ' choice-disabled'}`}>
                <input
                  type="checkbox"
                  checked={control.enabled && draft.allow[key]}
                  disabled={!control.enabled}
                  onChange={(event) => change({ allow: { ...draft.allow, [key]: event.target.checked } })}
                />
                <span className="choice-text">
                  <span className="choice-label">{label}</span>
                  {control.why && <span className="choice-why">{control.why}</span>}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <TiktokCommercialFields draft={draft} onChange={change} />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.isAigc}
          onChange={(event) => change({ isAigc: event.target.checked })}
        />
        <span className="choice-text">
          <span className="choice-label">AI-generated content</span>
          <span className="choice-description">TikTok shows a label saying the video was made with AI.</span>
        </span>
      </label>
      <WhenField
        name="tiktok"
        value={when}
        error={timeError}
        suggestion={defaultScheduleInput(new Date())}
        onChange={setWhen}
      />
      <TiktokDeclarations draft={draft} />
      <p className="muted">
        After posting, TikTok can take a few minutes to process the video before it appears.
      </p>
      {directBlockers.length > 0 && (
        <div className="composer-blockers">
          <p>Before you can post:</p>
          <ul>
            {directBlockers.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorAlert error={publish.error} />
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={publish.isPending || directBlockers.length > 0 || Boolean(timeError)}
          onClick={() => send('direct')}
        >
          {publish.isPending ? 'Sending…' : later ? 'Schedule post' : 'Post now'}
        </button>
        {info.draftAvailable && (
          <button
            type="button"
            className="button button-secondary"
            disabled={publish.isPending || draftBlockers.length > 0 || Boolean(timeError)}
            onClick={() => send('draft')}
          >
            {later ? 'Schedule for TikTok drafts' : 'Send to TikTok drafts'}
          </button>
        )}
      </div>
    </form>
  );
}

/** The TikTok composer, following TikTok's Content Sharing Guidelines for Direct Post. */
export function TiktokComposer({ connection, version }: TiktokComposerProps) {
  return (
    <ComposerFrame connection={connection}>
      {(body) => <TiktokForm {...body} connection={connection} version={version} />}
    </ComposerFrame>
  );
}
