import { useState } from 'react';
import type { ConnectionView } from '../../../api/connections.js';
import { METADATA_LIMITS as L } from '../../../domain/metadata/limits.js';
import { utf8Bytes } from '../../../domain/metadata/text-limits.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import { SelectField, TextAreaField } from '../create/FormControls.js';
import { ComposerFrame, type ComposerBodyProps } from './ComposerFrame.js';
import type { ComposerVersion } from './composerVersion.js';
import { defaultScheduleInput, localInputToUtc, zoneLabel } from './scheduleTime.js';
import { usePublish } from './usePublish.js';
import { WhenField, whenError, whenRequest, type When } from './WhenField.js';
import { YoutubeAudienceFields } from './YoutubeAudienceFields.js';
import {
  initialYoutubeDraft,
  youtubeErrors,
  youtubePayload,
  type YoutubeDraft,
} from './youtubeComposerRules.js';

interface YoutubeComposerProps {
  connection: ConnectionView & { platform: 'youtube' };
  version: ComposerVersion;
}

const n = (value: number) => value.toLocaleString();

function YoutubeForm({
  options,
  onPublished,
  connection,
  version,
}: ComposerBodyProps<'youtube'> & YoutubeComposerProps) {
  const [draft, setDraft] = useState<YoutubeDraft>(() =>
    initialYoutubeDraft(
      version.metadata.youtube ?? { title: '', description: '', tags: [] },
      options.categories.map((category) => category.id),
    ),
  );
  const [when, setWhen] = useState<When>({ mode: 'now' });
  const [tried, setTried] = useState(false);
  const publish = usePublish(onPublished);
  const change = (part: Partial<YoutubeDraft>) => setDraft((current) => ({ ...current, ...part }));
  const now = new Date();
  const errors: FieldErrors = {
    ...youtubeErrors(draft, now, localInputToUtc),
    'youtube-scheduled-at': whenError(when, now),
  };
  // Required answers are flagged once the person tries to send, not while they are still reading the form.
  const shown: FieldErrors = tried
    ? errors
    : { ...errors, 'youtube-privacy': undefined, 'youtube-kids': undefined };

  function submit(form: HTMLFormElement) {
    setTried(true);
    if (hasErrors(errors)) return focusFirstInvalid(form, errors);
    publish.mutate({
      versionId: version.id,
      connectionId: connection.id,
      ...whenRequest(when),
      options: youtubePayload(draft, localInputToUtc),
    });
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <Field
        label="Video title"
        name="youtube-title"
        required
        value={draft.title}
        error={shown['youtube-title']}
        hint={`${n(draft.title.length)} of ${n(L.youtubeTitleChars)} characters`}
        onChange={(event) => change({ title: event.target.value })}
      />
      <TextAreaField
        label="Video description"
        name="youtube-description"
        rows={4}
        value={draft.description}
        error={shown['youtube-description']}
        hint={`${n(utf8Bytes(draft.description))} of ${n(L.youtubeDescriptionBytes)} bytes`}
        onChange={(event) => change({ description: event.target.value })}
      />
      <Field
        label="Video tags"
        name="youtube-tags"
        value={draft.tags}
        error={shown['youtube-tags']}
        hint="Separated by commas."
        onChange={(event) => change({ tags: event.target.value })}
      />
      <SelectField
        label="Category"
        name="youtube-category"
        value={draft.categoryId}
        onChange={(event) => change({ categoryId: event.target.value })}
      >
        {options.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.title}
          </option>
        ))}
      </SelectField>
      <YoutubeAudienceFields
        draft={draft}
        errors={shown}
        canSchedule={options.canSchedule}
        onChange={change}
      />
      <WhenField
        name="youtube"
        value={when}
        error={shown['youtube-scheduled-at']}
        suggestion={defaultScheduleInput(now)}
        onChange={setWhen}
      />
      {draft.releaseLater && (
        <Field
          label="Release time"
          name="youtube-publish-at"
          type="datetime-local"
          value={draft.publishAtLocal}
          error={shown['youtube-publish-at']}
          hint={`Your time zone: ${zoneLabel(now)}`}
          onChange={(event) => change({ publishAtLocal: event.target.value })}
        />
      )}
      <ErrorAlert error={publish.error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={publish.isPending}>
          {publish.isPending ? 'Sending…' : when.mode === 'later' ? 'Schedule upload' : 'Upload to YouTube'}
        </button>
      </div>
    </form>
  );
}

/** The YouTube Shorts composer: texts, category, privacy and "made for kids" as required answers. */
export function YoutubeComposer({ connection, version }: YoutubeComposerProps) {
  return (
    <ComposerFrame connection={connection}>
      {(body) => <YoutubeForm {...body} connection={connection} version={version} />}
    </ComposerFrame>
  );
}
