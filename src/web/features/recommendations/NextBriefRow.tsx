import { BRIEF_LIMITS } from '../../../api/content.js';
import { HOOK_STYLES } from '../../../domain/content.js';
import { levelLabel } from '../../../domain/analytics/factor-labels.js';
import { Field } from '../../components/Field.js';
import { SelectField } from '../create/FormControls.js';
import { captionStyles, stylePresets } from '../create/briefOptions.js';
import type { NextBriefDraft } from './nextBriefDrafts.js';

interface NextBriefRowProps {
  index: number;
  draft: NextBriefDraft;
  error: string | undefined;
  onChange: (next: NextBriefDraft) => void;
}

const musicChoices = ['none', 'builtin:calm', 'builtin:bright'];

/** One prefilled brief of the next series: the person writes the topic and may change any level. */
export function NextBriefRow({ index, draft, error, onChange }: NextBriefRowProps) {
  const set = <K extends keyof NextBriefDraft>(key: K, value: NextBriefDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const voices = [...new Set(['default', 'none', draft.voice])];
  const music = [...new Set([...musicChoices, draft.music])];
  return (
    <li className="next-brief" aria-label={`Brief ${index + 1}`}>
      <div className="next-brief-head">
        <h3 className="next-brief-title">Brief {index + 1}</h3>
        {draft.exploring ? (
          <span className="badge" title="Tries a level the model is not yet sure about">
            Exploring
          </span>
        ) : (
          <span className="badge badge-neutral">Best levels</span>
        )}
      </div>
      {draft.tries.length > 0 && <p className="muted">Tries {draft.tries.join('; ')}.</p>}
      <Field
        label="Topic"
        name="topic"
        value={draft.topic}
        error={error}
        maxLength={BRIEF_LIMITS.topicMax}
        onChange={(event) => set('topic', event.target.value)}
      />
      <div className="next-brief-fields">
        <SelectField
          label="Hook style"
          value={draft.hookStyle}
          onChange={(event) => set('hookStyle', event.target.value as NextBriefDraft['hookStyle'])}
        >
          <option value="">Matched to the tone</option>
          {HOOK_STYLES.map((style) => (
            <option key={style} value={style}>
              {levelLabel('hookStyle', style)}
            </option>
          ))}
        </SelectField>
        <Field
          label="Length (seconds)"
          type="number"
          min={BRIEF_LIMITS.durationMin}
          max={BRIEF_LIMITS.durationMax}
          value={draft.durationSeconds}
          onChange={(event) => set('durationSeconds', Number(event.target.value))}
        />
        <SelectField label="Voice" value={draft.voice} onChange={(event) => set('voice', event.target.value)}>
          {voices.map((voice) => (
            <option key={voice} value={voice}>
              {levelLabel('voice', voice)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Caption style"
          value={draft.captionStyle}
          onChange={(event) => set('captionStyle', event.target.value as NextBriefDraft['captionStyle'])}
        >
          {captionStyles.map((style) => (
            <option key={style.value} value={style.value}>
              {style.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Style"
          value={draft.stylePreset}
          onChange={(event) => set('stylePreset', event.target.value as NextBriefDraft['stylePreset'])}
        >
          {stylePresets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Music" value={draft.music} onChange={(event) => set('music', event.target.value)}>
          {music.map((choice) => (
            <option key={choice} value={choice}>
              {levelLabel('music', choice)}
            </option>
          ))}
        </SelectField>
      </div>
      {draft.postAt && <p className="muted">Suggested posting time: {draft.postAt}.</p>}
    </li>
  );
}
