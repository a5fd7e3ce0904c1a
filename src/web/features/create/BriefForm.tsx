import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { Field } from '../../components/Field.js';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import { itemKeys } from '../library/libraryApi.js';
import { briefErrors, defaultDraft, toBriefInput, type BriefDraft } from './briefDraft.js';
import { captionStyles, hookStyles, languages, tones } from './briefOptions.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import { createItem } from './createApi.js';
import { DurationField } from './DurationField.js';
import { SelectField } from './FormControls.js';
import { KeyPointsField } from './KeyPointsField.js';
import { MusicField } from './MusicField.js';
import { OfflineEnginesNote } from './OfflineEnginesNote.js';
import { PlatformChoices } from './PlatformChoices.js';
import { StylePicker } from './StylePicker.js';

const voiceChoices = [
  { value: 'default', label: 'Default voice', description: 'A narrator reads the script.' },
  { value: 'none', label: 'No voice', description: 'Captions only, timed at a reading pace.' },
] as const;

/** One video from one brief; after creating it, the browser goes to its page to watch it being made. */
export function BriefForm() {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<BriefDraft>(defaultDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createItem,
    onSuccess: ({ item }) => {
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
      void navigate(`/library/${encodeURIComponent(item.id)}`);
    },
  });

  function update<K extends keyof BriefDraft>(key: K, value: BriefDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = briefErrors(draft);
    setErrors(found);
    if (hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    create.mutate(toBriefInput(draft));
  }

  return (
    <form className="form brief-form" noValidate onSubmit={submit}>
      <Field
        label="Topic"
        name="topic"
        value={draft.topic}
        error={errors.topic}
        hint="What the video is about, e.g. “Cold brew at home”. This is the only thing you have to fill in."
        autoComplete="off"
        onChange={(event) => update('topic', event.target.value)}
      />
      <KeyPointsField
        points={draft.keyPoints}
        errors={errors}
        onChange={(points) => update('keyPoints', points)}
      />
      <div className="form-columns">
        <Field
          label="Audience (optional)"
          name="audience"
          value={draft.audience}
          error={errors.audience}
          hint="Who it is for, e.g. “busy parents”."
          onChange={(event) => update('audience', event.target.value)}
        />
        <SelectField
          label="Tone"
          name="tone"
          value={draft.tone}
          onChange={(event) => update('tone', event.target.value as BriefDraft['tone'])}
        >
          {tones.map((tone) => (
            <option key={tone.value} value={tone.value}>
              {tone.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Language"
          name="language"
          value={draft.language}
          hint="Of the script, voice-over and captions."
          onChange={(event) => update('language', event.target.value)}
        >
          {languages.map((language) => (
            <option key={language.value} value={language.value} lang={language.value}>
              {language.label}
            </option>
          ))}
        </SelectField>
      </div>
      <ChoiceGroup
        legend="Hook"
        name="hookStyle"
        value={draft.hookStyle}
        choices={hookStyles}
        onChange={(value) => update('hookStyle', value)}
      />
      <DurationField
        seconds={draft.durationSeconds}
        error={errors.durationSeconds}
        onChange={(seconds) => update('durationSeconds', seconds)}
      />
      <StylePicker
        preset={draft.stylePreset}
        customPalette={draft.customPalette}
        palette={draft.palette}
        errors={errors}
        onPresetChange={(preset, palette) =>
          setDraft((current) => ({
            ...current,
            stylePreset: preset,
            // Custom colours stay once chosen; otherwise the editor starts from the preset's.
            palette: current.customPalette ? current.palette : palette,
          }))
        }
        onCustomPaletteChange={(custom) => update('customPalette', custom)}
        onPaletteChange={(palette) => update('palette', palette)}
      />
      <div className="form-columns">
        <ChoiceGroup
          legend="Captions"
          name="captionStyle"
          value={draft.captionStyle}
          choices={captionStyles}
          onChange={(value) => update('captionStyle', value)}
        />
        <ChoiceGroup
          legend="Voice"
          name="voice"
          value={draft.voice}
          choices={voiceChoices}
          onChange={(value) => update('voice', value)}
        />
      </div>
      <MusicField value={draft.music} onChange={(music) => update('music', music)} />
      <PlatformChoices
        selected={draft.platforms}
        error={errors['platform-tiktok']}
        onChange={(platforms) => update('platforms', platforms)}
      />
      <div className="form-submit">
        <OfflineEnginesNote id="brief-engines-note" />
        <ErrorAlert error={create.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending}
          aria-describedby="brief-engines-note"
        >
          {create.isPending ? 'Creating…' : 'Create video'}
        </button>
      </div>
    </form>
  );
}
