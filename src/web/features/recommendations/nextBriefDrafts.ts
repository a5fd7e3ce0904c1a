import type { nextBriefsView } from '../../../api/analytics.js';
import { BRIEF_LIMITS, type BriefInput, type BriefView } from '../../../api/content.js';
import { briefFieldsOf } from '../../../domain/analytics/brief-factors.js';
import { factorLabel, levelLabel } from '../../../domain/analytics/factor-labels.js';
import type { z } from 'zod';

type NextBrief = z.infer<typeof nextBriefsView>['briefs'][number];

/** One prefilled brief of the next series, as the person reviews and edits it before creating. */
export interface NextBriefDraft {
  topic: string;
  /** Empty: a hook matched to the tone. */
  hookStyle: NonNullable<BriefView['hookStyle']> | '';
  durationSeconds: number;
  voice: string;
  captionStyle: BriefView['captionStyle'];
  stylePreset: BriefView['stylePreset'];
  music: string;
  /** When to post it ("Thursday, 18:00–21:00"), a suggestion for the schedule; null when the model has none. */
  postAt: string | null;
  exploring: boolean;
  /** The factors whose level is not the current best (what this brief tries), as people name them. */
  tries: string[];
}

/** A brief's fields from the model's levels; anything the levels leave open keeps the create form's default. */
export function toDraft(brief: NextBrief, bestLevels: Record<string, string>): NextBriefDraft {
  const fields = briefFieldsOf(brief.factors);
  const hook = fields.hookStyle as NextBriefDraft['hookStyle'] | undefined;
  const day = brief.factors.weekday;
  const hour = brief.factors.postingHour;
  const postAt = [day && levelLabel('weekday', day), hour && levelLabel('postingHour', hour)]
    .filter(Boolean)
    .join(', ');
  return {
    topic: '',
    hookStyle: hook ?? '',
    durationSeconds: fields.durationSeconds ?? 30,
    voice: fields.voice ?? 'default',
    captionStyle: (fields.captionStyle as BriefView['captionStyle'] | undefined) ?? 'karaoke',
    stylePreset: (fields.stylePreset as BriefView['stylePreset'] | undefined) ?? 'clean',
    music: fields.music ?? 'none',
    postAt: postAt || null,
    exploring: brief.exploring,
    tries: Object.entries(brief.factors)
      .filter(([factor, level]) => bestLevels[factor] !== undefined && bestLevels[factor] !== level)
      .map(([factor, level]) => `${factorLabel(factor)}: ${levelLabel(factor, level)}`),
  };
}

/** What the series API takes for one reviewed brief. */
export function toSeriesBrief(draft: NextBriefDraft): BriefInput {
  return {
    topic: draft.topic.trim(),
    durationSeconds: draft.durationSeconds,
    voice: draft.voice,
    captionStyle: draft.captionStyle,
    stylePreset: draft.stylePreset,
    music: draft.music,
    ...(draft.hookStyle ? { hookStyle: draft.hookStyle } : {}),
  };
}

/** The first problem of a draft a person must fix before creating, or undefined. */
export function draftProblem(draft: NextBriefDraft): string | undefined {
  const topic = draft.topic.trim();
  if (topic.length < BRIEF_LIMITS.topicMin) return 'Say what this video is about (at least 3 characters).';
  if (topic.length > BRIEF_LIMITS.topicMax) return `Keep the topic to ${BRIEF_LIMITS.topicMax} characters.`;
  const { durationMin, durationMax } = BRIEF_LIMITS;
  if (
    !Number.isInteger(draft.durationSeconds) ||
    draft.durationSeconds < durationMin ||
    draft.durationSeconds > durationMax
  )
    return `Give a length between ${durationMin} and ${durationMax} seconds.`;
  return undefined;
}
