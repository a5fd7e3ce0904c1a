import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { focusFirstInvalid, hasErrors } from '../../lib/validation.js';
import { TextAreaField } from '../create/FormControls.js';
import type { VersionEdits } from './itemApi.js';
import { fromDraft, metadataErrors, splitTags, toDraft, type MetadataDraft } from './metadataLimits.js';
import type { PlatformMetadataView } from '../../../api/version-outputs.js';
import { countHashtags, youtubeTagsLength } from '../../../domain/metadata/hashtags.js';
import { METADATA_LIMITS as L } from '../../../domain/metadata/limits.js';
import { utf8Bytes } from '../../../domain/metadata/text-limits.js';

interface MetadataEditorProps {
  metadata: PlatformMetadataView;
  /** A video the factory made keeps its AI label on every platform (the server refuses to drop it). */
  disclosureRequired: boolean;
  canEdit: boolean;
  locked: boolean;
  onSave: (edits: VersionEdits) => Promise<void>;
}

const n = (value: number) => value.toLocaleString();

function AiDisclosure({
  platform,
  checked,
  disabled,
  required,
  onChange,
}: {
  platform: string;
  checked: boolean;
  disabled: boolean;
  required: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="choice">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled || required}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="choice-text">
        <span className="choice-label">Label the {platform} post as AI-generated</span>
        <span className="choice-description">
          {required
            ? 'Always on: this video was made by the factory, and the platforms ask for that to be disclosed.'
            : 'The platforms ask for AI-made videos to be disclosed.'}
        </span>
      </span>
    </label>
  );
}

function PlatformFields({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="fieldset platform-fields">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

/** Caption, title, description and tags per platform, with live counts against each platform's limits. */
export function MetadataEditor({
  metadata,
  disclosureRequired,
  canEdit,
  locked,
  onSave,
}: MetadataEditorProps) {
  const [draft, setDraft] = useState<MetadataDraft>(() => toDraft(metadata));
  const save = useMutation({ mutationFn: onSave });
  const errors = metadataErrors(draft);
  const changed = JSON.stringify(draft) !== JSON.stringify(toDraft(metadata));
  const readOnly = !canEdit;
  const { tiktok, youtube, instagram } = draft;

  const set = <P extends keyof MetadataDraft>(platform: P, part: Partial<NonNullable<MetadataDraft[P]>>) =>
    setDraft((current) => ({ ...current, [platform]: { ...current[platform], ...part } }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (hasErrors(errors)) return focusFirstInvalid(event.currentTarget, errors);
    save.mutate({ metadata: fromDraft(draft) });
  }

  return (
    <section className="panel" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading" className="panel-title">
        Platform texts
      </h2>
      <form className="form" noValidate onSubmit={submit}>
        {tiktok && (
          <PlatformFields legend="TikTok">
            <TextAreaField
              label="TikTok caption"
              name="tiktok-caption"
              rows={4}
              value={tiktok.caption}
              readOnly={readOnly}
              error={errors['tiktok-caption']}
              hint={`${n(tiktok.caption.length)} of ${n(L.tiktokCaptionUnits)} characters`}
              onChange={(event) => set('tiktok', { caption: event.target.value })}
            />
            <AiDisclosure
              platform="TikTok"
              checked={tiktok.aiGenerated}
              disabled={readOnly}
              required={disclosureRequired}
              onChange={(on) => set('tiktok', { aiGenerated: on })}
            />
          </PlatformFields>
        )}
        {youtube && (
          <PlatformFields legend="YouTube">
            <Field
              label="YouTube title"
              name="youtube-title"
              value={youtube.title}
              readOnly={readOnly}
              error={errors['youtube-title']}
              hint={`${n(youtube.title.length)} of ${n(L.youtubeTitleChars)} characters, without “<” or “>”`}
              onChange={(event) => set('youtube', { title: event.target.value })}
            />
            <TextAreaField
              label="YouTube description"
              name="youtube-description"
              rows={5}
              value={youtube.description}
              readOnly={readOnly}
              error={errors['youtube-description']}
              hint={`${n(utf8Bytes(youtube.description))} of ${n(L.youtubeDescriptionBytes)} bytes (accented letters and emoji take 2 to 4)`}
              onChange={(event) => set('youtube', { description: event.target.value })}
            />
            <Field
              label="YouTube tags"
              name="youtube-tags"
              value={youtube.tags}
              readOnly={readOnly}
              error={errors['youtube-tags']}
              hint={`Separated by commas. ${n(youtubeTagsLength(splitTags(youtube.tags)))} of ${n(L.youtubeTagsChars)} characters, counting the commas`}
              onChange={(event) => set('youtube', { tags: event.target.value })}
            />
            <AiDisclosure
              platform="YouTube"
              checked={youtube.aiGenerated}
              disabled={readOnly}
              required={disclosureRequired}
              onChange={(on) => set('youtube', { aiGenerated: on })}
            />
          </PlatformFields>
        )}
        {instagram && (
          <PlatformFields legend="Instagram">
            <TextAreaField
              label="Instagram caption"
              name="instagram-caption"
              rows={5}
              value={instagram.caption}
              readOnly={readOnly}
              error={errors['instagram-caption']}
              hint={`${n(instagram.caption.length)} of ${n(L.instagramCaptionChars)} characters, ${n(countHashtags(instagram.caption))} of ${L.instagramHashtags} hashtags`}
              onChange={(event) => set('instagram', { caption: event.target.value })}
            />
            <AiDisclosure
              platform="Instagram"
              checked={instagram.aiGenerated}
              disabled={readOnly}
              required={disclosureRequired}
              onChange={(on) => set('instagram', { aiGenerated: on })}
            />
          </PlatformFields>
        )}
        <ErrorAlert error={save.error} />
        {canEdit && (
          <div className="button-row">
            <button
              type="submit"
              className="button button-primary"
              disabled={save.isPending || locked || !changed}
            >
              {save.isPending ? 'Starting…' : 'Save platform texts'}
            </button>
            <span className="muted">
              {changed ? 'Saving makes a new version; the video itself stays the same.' : 'No changes yet.'}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
