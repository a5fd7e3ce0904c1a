import type { FieldErrors } from '../../lib/validation.js';
import { SelectField } from '../create/FormControls.js';
import {
  effectivePrivacy,
  PRIVACY_LABELS,
  RELEASE_FORCES_PRIVATE,
  type YoutubeDraft,
  type YoutubePrivacy,
} from './youtubeComposerRules.js';

interface Props {
  draft: YoutubeDraft;
  errors: FieldErrors;
  canSchedule: boolean;
  onChange: (part: Partial<YoutubeDraft>) => void;
}

const PRIVACIES: YoutubePrivacy[] = ['public', 'unlisted', 'private'];

/** Privacy, the "made for kids" declaration, the synthetic-media disclosure and YouTube's own release time. */
export function YoutubeAudienceFields({ draft, errors, canSchedule, onChange }: Props) {
  const kidsError = errors['youtube-kids'];
  return (
    <>
      <SelectField
        label="Visibility"
        name="youtube-privacy"
        required
        value={effectivePrivacy(draft)}
        disabled={draft.releaseLater}
        error={errors['youtube-privacy']}
        hint={draft.releaseLater ? RELEASE_FORCES_PRIVATE : undefined}
        onChange={(event) => onChange({ privacyStatus: event.target.value as YoutubePrivacy })}
      >
        <option value="" disabled>
          Choose who can watch
        </option>
        {PRIVACIES.map((value) => (
          <option key={value} value={value}>
            {PRIVACY_LABELS[value]}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset" aria-invalid={kidsError ? true : undefined}>
        <legend>Is this video made for kids? (required)</legend>
        <p className="field-hint">
          YouTube asks every uploader to say so; it changes which features the video gets.
        </p>
        <div className="choice-list choice-list-inline">
          {[
            { value: true, label: 'Yes, it’s made for kids' },
            { value: false, label: 'No, it’s not made for kids' },
          ].map((choice) => (
            <label key={choice.label} className="choice">
              <input
                type="radio"
                name="youtube-kids"
                checked={draft.madeForKids === choice.value}
                onChange={() => onChange({ madeForKids: choice.value })}
              />
              <span className="choice-label">{choice.label}</span>
            </label>
          ))}
        </div>
        {kidsError && <p className="field-error">{kidsError}</p>}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.containsSyntheticMedia}
          onChange={(event) => onChange({ containsSyntheticMedia: event.target.checked })}
        />
        <span className="choice-text">
          <span className="choice-label">Contains altered or synthetic media</span>
          <span className="choice-description">
            YouTube asks for realistic AI-made or altered content to be disclosed.
          </span>
        </span>
      </label>
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.releaseLater}
          disabled={!canSchedule}
          onChange={(event) => onChange({ releaseLater: event.target.checked })}
        />
        <span className="choice-text">
          <span className="choice-label">Let YouTube release it at a set time</span>
          <span className="choice-description">
            {canSchedule
              ? `${RELEASE_FORCES_PRIVATE} The upload itself happens at the time chosen under “When”.`
              : 'This channel can’t schedule releases on YouTube.'}
          </span>
        </span>
      </label>
    </>
  );
}
