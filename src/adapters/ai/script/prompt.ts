import type { Brief, HookStyle } from '../../../domain/content.js';
import { givenFigure, writtenHookStyle } from '../../../domain/hook-style.js';
import {
  MAX_BEATS,
  MAX_SPOKEN_WORDS,
  MIN_BEATS,
  suggestedBeatCount,
  targetWordCount,
} from '../../../domain/script-rules.js';

const TONES: Record<Brief['tone'], string> = {
  friendly: 'friendly and warm',
  bold: 'bold and punchy',
  calm: 'calm and reassuring',
  funny: 'light and funny, without mocking anyone',
  expert: 'expert and precise, without jargon',
};

// How each hook style opens; the statistic states the person's own number (a statistic without one is asked as a
// question: see writtenHookStyle), so the rule against invented numbers still holds.
const HOOKS: Record<HookStyle, string> = {
  question: 'a question to the viewer about the topic (the hook asks; it ends with a question mark)',
  statistic: 'a statistic: open on the number "{figure}" from the brief, and state no other number',
  story: 'a story: a short first-person narrative opening, e.g. "The first time I…"',
  'bold-claim': 'a bold claim: one confident statement about the topic, not a question',
  'how-to': 'a how-to: "Here\'s how to…" (in the script\'s language), promising the steps that follow',
};

/** The hook line of the request; none when the brief leaves the hook to the tone (its prompt stays as it was). */
function hookLines(brief: Brief): string[] {
  const style = writtenHookStyle(brief);
  if (!style) return [];
  const figure = givenFigure(brief)?.figure ?? '';
  return [`Hook style: ${HOOKS[style].replace('{figure}', figure)}`];
}

/** The standing instructions for any model writing a script. */
export function systemPrompt(brief: Brief, words = targetWordCount(brief.durationSeconds)): string {
  return [
    'You write voice-over scripts for short vertical videos (TikTok, Instagram Reels, YouTube Shorts).',
    `Write in the language with BCP 47 tag "${brief.language}".`,
    `Structure: a hook (one sentence that stops the scroll), ${MIN_BEATS} to ${MAX_BEATS} beats, and a call to action.`,
    'Each beat has "text" (what the voice says: one to three short sentences) and "visualCue" (a concrete,',
    'filmable picture in a few words, built from the beat\'s own nouns, e.g. "close-up of a coffee cup").',
    `Length: aim for about ${words} spoken words in total (hook + beats + call to action), so that the voice`,
    `fills ${brief.durationSeconds} seconds; never more than ${MAX_SPOKEN_WORDS}.`,
    'Do not invent statistics, numbers, dates, quotes, studies or other facts: use the key points you are given',
    'and otherwise only questions, contrasts and general advice.',
    'Spoken text only: no hashtags, emoji, stage directions or speaker names.',
    'Answer only with the structured script; no other text.',
  ].join('\n');
}

/** The request for this brief; the topic comes first, on its own line. */
export function userPrompt(brief: Brief): string {
  const points = brief.keyPoints.map((point) => point.trim()).filter(Boolean);
  return [
    `Topic: ${brief.topic.trim()}`,
    `Audience: ${brief.audience.trim() || 'a general audience'}`,
    `Tone: ${TONES[brief.tone]}`,
    ...hookLines(brief),
    `Language: ${brief.language}`,
    `Duration: ${brief.durationSeconds} seconds (about ${suggestedBeatCount(brief.durationSeconds)} beats)`,
    points.length
      ? `Key points, one beat each, in this order:\n${points.map((point) => `- ${point}`).join('\n')}`
      : 'Key points: none given; build the beats from the topic.',
  ].join('\n');
}

/** The follow-up that asks for one corrected answer, listing what was wrong. */
export function repairPrompt(errors: string[]): string {
  return [
    'That answer cannot be used:',
    ...errors.map((error) => `- ${error}`),
    'Answer again with the complete, corrected script, following the same structure.',
  ].join('\n');
}
