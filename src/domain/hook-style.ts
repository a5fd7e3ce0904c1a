import type { Brief, HookStyle } from './content.js';
import { isStopword } from './metadata/keywords.js';

/** A number the person wrote in the brief, as a statistic hook states it, and where it was found. */
export interface GivenFigure {
  /** The number as written, with its unit when one follows: "12 hours", "50%", "10,000 viewers", "€5". */
  figure: string;
  inTopic: boolean;
}

// Digits with thousands separators and decimals, a currency or percent sign, then maybe one word (its unit).
const FIGURE =
  /(?<![\p{L}\p{N}])[$€£¥]?\d+(?:[,. \u00a0\u202f]\d{3}(?!\d))*(?:[.,]\d+)?(?:\s?[%€$£¥])?(?:\s*([\p{L}][\p{L}'’-]*))?/u;

// A pasted list's marker ("1. Use…", "2) Steep…", "- Serve…") is not a figure the person gave.
const LIST_MARKER = /^\s*(?:[-–—•*]|\d{1,2}[.)])\s+/u;

/** The first number in `text`, with the word after it unless that word is a function word ("50% of" → "50%"). */
function figureIn(text: string, language: string): string | null {
  const match = FIGURE.exec(text);
  if (!match) return null;
  const [whole, unit] = match;
  const figure = unit && isStopword(unit, language) ? whole.slice(0, whole.lastIndexOf(unit)) : whole;
  return figure.trim();
}

/**
 * The number a statistic hook may state: the first one in the key points (the person's facts), else in the topic;
 * null when the person wrote none. Only digits count: the writers never invent a number, nor spell one out.
 */
export function givenFigure(brief: Pick<Brief, 'topic' | 'keyPoints' | 'language'>): GivenFigure | null {
  for (const point of brief.keyPoints) {
    const figure = figureIn(point.replace(LIST_MARKER, ''), brief.language);
    if (figure) return { figure, inTopic: false };
  }
  const figure = figureIn(brief.topic, brief.language);
  return figure ? { figure, inTopic: true } : null;
}

/**
 * The style the hook is written in: the brief's, except that a statistic without a number the person gave is
 * written as a question (no writer makes a number up). Null: no style asked, the hook follows the tone.
 */
export function writtenHookStyle(
  brief: Pick<Brief, 'hookStyle' | 'topic' | 'keyPoints' | 'language'>,
): HookStyle | null {
  if (!brief.hookStyle) return null;
  if (brief.hookStyle === 'statistic' && !givenFigure(brief)) return 'question';
  return brief.hookStyle;
}

/** True when the first sentence of a caption or hook asks ("Why cold brew? …", "¿Sabías…?"). */
export function firstSentenceAsks(text: string): boolean {
  const first = text.trim().split(/(?<=[.!?…。！？])\s|\n/u)[0] ?? '';
  return /[?？][?!？！]*["'”»)]*$/u.test(first.trim());
}
