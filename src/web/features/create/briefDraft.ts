import { BRIEF_LIMITS as L, type BriefInput, type BriefView } from '../../../api/content.js';
import type { FieldErrors } from '../../lib/validation.js';
import { hookStyleField, MAX_DURATION, MIN_DURATION, stylePresets, type HookChoice } from './briefOptions.js';

/** The create form's values; `toBriefInput` turns them into what the API takes. */
export interface BriefDraft extends Pick<
  BriefView,
  | 'topic'
  | 'keyPoints'
  | 'audience'
  | 'tone'
  | 'language'
  | 'durationSeconds'
  | 'stylePreset'
  | 'palette'
  | 'captionStyle'
  | 'music'
  | 'platforms'
> {
  /** Off: the preset's own colours are used and `palette` is not sent. */
  customPalette: boolean;
  voice: 'default' | 'none';
  hookStyle: HookChoice;
}

/** A topic alone makes a valid brief: everything else starts at a sensible choice. */
export const defaultDraft: BriefDraft = {
  topic: '',
  keyPoints: [''],
  audience: '',
  tone: 'friendly',
  language: 'en',
  durationSeconds: 30,
  stylePreset: 'clean',
  customPalette: false,
  palette: stylePresets[0]?.palette ?? [],
  captionStyle: 'karaoke',
  hookStyle: 'tone',
  voice: 'default',
  music: 'none',
  platforms: ['tiktok', 'instagram', 'youtube'],
};

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** Checks made before calling the server, keyed by the name of the control to focus, in form order. */
export function briefErrors(draft: BriefDraft): FieldErrors {
  const errors: FieldErrors = {};
  const topic = draft.topic.trim();
  if (topic.length < L.topicMin)
    errors.topic = `Say what the video is about, in at least ${L.topicMin} characters.`;
  else if (topic.length > L.topicMax) errors.topic = `Keep the topic to ${L.topicMax} characters.`;
  draft.keyPoints.forEach((point, index) => {
    if (point.trim().length > L.keyPointMax)
      errors[`keyPoint-${index}`] = `Keep each key point to ${L.keyPointMax} characters.`;
  });
  if (draft.audience.trim().length > L.audienceMax)
    errors.audience = `Keep the audience to ${L.audienceMax} characters.`;
  const seconds = draft.durationSeconds;
  if (!Number.isInteger(seconds) || seconds < MIN_DURATION || seconds > MAX_DURATION)
    errors.durationSeconds = `Choose a whole number of seconds from ${MIN_DURATION} to ${MAX_DURATION}.`;
  if (draft.customPalette) {
    draft.palette.forEach((colour, index) => {
      if (!HEX_COLOUR.test(colour))
        errors[`colour-${index}`] = 'Write the colour as a hex code, like #1A2B3C.';
    });
  }
  if (draft.platforms.length === 0) errors['platform-tiktok'] = 'Choose at least one platform.';
  return errors;
}

export function toBriefInput(draft: BriefDraft): BriefInput {
  const audience = draft.audience.trim();
  return {
    topic: draft.topic.trim(),
    keyPoints: draft.keyPoints.map((point) => point.trim()).filter(Boolean),
    // Left out when blank, so the server's own default audience applies.
    ...(audience ? { audience } : {}),
    tone: draft.tone,
    language: draft.language,
    durationSeconds: draft.durationSeconds,
    stylePreset: draft.stylePreset,
    palette: draft.customPalette ? draft.palette : [],
    captionStyle: draft.captionStyle,
    voice: draft.voice,
    music: draft.music,
    platforms: draft.platforms,
    ...hookStyleField(draft.hookStyle),
  };
}
