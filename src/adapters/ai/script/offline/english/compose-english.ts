import type { Beat, Brief } from '../../../../../domain/content.js';
import { countWords, suggestedBeatCount } from '../../../../../domain/script-rules.js';
import { keyPointsForBeats } from '../key-points.js';
import { capitalizeFirst, fill, PhraseDrawer, withoutArticle, type Placeholders } from '../phrasing.js';
import { hashSeed, SeededChooser } from '../seeded-random.js';
import { styledHook } from '../styled-hook.js';
import type { ScriptBody } from '../script-body.js';
import { concreteNouns, nounCue } from './concrete-nouns.js';
import {
  CALLS_TO_ACTION,
  FORM_PHRASES,
  SHARED_GENERAL,
  SHORT_CALLS_TO_ACTION,
  STYLE_HOOKS,
  TONE_LEADS,
  type FormPhrases,
} from './phrases.js';
import { shapeTopic, type TopicShape } from './topic-shape.js';
import { lowerFirst } from './words.js';

type Slot = { kind: 'point'; index: number } | { kind: 'opening' | 'middle' | 'closing' };

// A hook gets a tone lead ("Stop scrolling.") only with this many words or more (from about 20-second videos).
const MIN_WORDS_WITH_LEAD = 7;

// At or under this many words (videos of about 12 seconds or less), the writer keeps only its shortest forms:
// bare key points, no closing sentence added to them, the shortest call to action.
const SHORT_SCRIPT_WORDS = 30;

// Within this many words of the target, a script is long enough (a general sentence is 4–12 words).
const SLACK = 4;

/**
 * Writes an English script around the topic's form (question, how-to, noun phrase, claim): a hook that names the
 * topic in a frame that fits it, the key points as beats with connectors (steps in order, reasons, things to know),
 * a closing sentence that answers or sums up, and a call to action. Without key points the script says it is an
 * outline and keeps to general, true statements. Deterministic: the same brief gives the same script.
 */
export function composeEnglish(brief: Brief, targetWords: number): ScriptBody {
  const shape = shapeTopic(brief.topic.replace(/\s+/g, ' ').trim());
  const phrases = FORM_PHRASES[shape.form];
  const values = placeholders(shape, brief.audience.replace(/\s+/g, ' ').trim());
  const seed = JSON.stringify(seedFields(brief));
  const chooser = new SeededChooser(hashSeed(seed));
  const drawer = new PhraseDrawer(chooser, values);
  // Connectors are filled with each key point in turn, so they are drawn apart from the topic's phrases.
  const connectors = new PhraseDrawer(chooser, { point: 'a key point' });
  const points = keyPointsForBeats(brief.keyPoints);
  const beatCount = Math.max(points.length, suggestedBeatCount(brief.durationSeconds));

  const short = targetWords <= SHORT_SCRIPT_WORDS;
  const hookWords = clamp(Math.round(targetWords * 0.15), 6, 16);
  const hook = writeHook(brief, shape, phrases, values, drawer, seed, hookWords);
  const cta = short
    ? SHORT_CALLS_TO_ACTION[brief.tone]
    : fill(
        drawer.draw(CALLS_TO_ACTION[brief.tone], clamp(Math.round(targetWords * 0.12), 5, 12)) ?? '',
        values,
      );
  const perBeat = Math.max(4, (targetWords - countWords(hook) - countWords(cta)) / beatCount);

  const general = new GeneralStatements(drawer, phrases);
  const followUps = phrases.followUps;
  const slots = planSlots(points.length, beatCount);
  const beats = slots.map((slot): string[] => {
    if (slot.kind === 'point') {
      const sentences = [
        short ? (points[slot.index] ?? '') : pointSentence(points, slot.index, phrases, connectors),
      ];
      const room = perBeat - countWords(sentences[0] ?? '');
      const followUp = room >= 4 ? drawer.draw(followUps, Math.round(room)) : null;
      return followUp ? [...sentences, followUp] : sentences;
    }
    const lead = framingLead(slot.kind, points.length > 0, phrases, drawer, values, perBeat);
    // With key points, the opening only leads into them; general statements are for outlines and long videos.
    if (lead && points.length > 0 && slot.kind === 'opening') return [lead];
    return general.fill(lead ? [lead] : [], perBeat, slot.kind === 'closing');
  });
  // With key points and no closing beat, the closing sentence ends the last key point's beat.
  if (!short && points.length > 0 && !slots.some((slot) => slot.kind === 'closing')) {
    const closing = drawer.draw(phrases.closings, perBeat);
    if (closing) beats.at(-1)?.push(fill(closing, values));
  }
  topUp(beats, slots, perBeat, countWords(hook) + countWords(cta), targetWords, general);

  // A question's nouns read best in its statement order: in "How does sleep affect memory", "sleep" looks like a verb.
  const topicNouns = concreteNouns((shape.form === 'question' && shape.about) || brief.topic);
  return {
    hook,
    beats: beats.map((sentences, index): Beat => {
      const slot = slots[index];
      const own = slot?.kind === 'point' ? concreteNouns(points[slot.index] ?? '') : [];
      const cue = nounCue(own, rotated(topicNouns, index)) || brief.topic.toLowerCase();
      return { text: sentences.join(' '), visualCue: cue };
    }),
    callToAction: cta,
  };
}

/** Only what shapes the words seeds the choices (style, palette or platforms do not change the script). */
function seedFields(brief: Brief): unknown[] {
  return [brief.topic, brief.keyPoints, brief.audience, brief.tone, brief.language, brief.durationSeconds];
}

function placeholders(shape: TopicShape, audience: string): Placeholders {
  const addressed = withoutArticle(audience, ['the', 'a', 'an']);
  return {
    Direct: shape.direct,
    embedded: shape.embedded,
    action: shape.action,
    Action: shape.action && capitalizeFirst(shape.action),
    subject: shape.subject,
    claim: shape.claim,
    Claim: shape.claim && capitalizeFirst(shape.claim),
    about: shape.about,
    audience: audience ? lowerFirst(audience) : undefined,
    Audience: addressed ? capitalizeFirst(addressed) : undefined,
  };
}

/**
 * The hook: in the brief's hook style when it asks for one, else the form's hook (addressing the audience when
 * there is one) after a short tone lead when the words allow. The tone's hook is drawn even when a style replaces
 * it, so the rest of the script does not depend on the style.
 */
function writeHook(
  brief: Brief,
  shape: TopicShape,
  phrases: FormPhrases,
  values: Placeholders,
  drawer: PhraseDrawer,
  seed: string,
  maxWords: number,
): string {
  const asTyped = shape.direct ?? `${capitalizeFirst(shape.about ?? '')}.`;
  const pool = values.Audience ? phrases.audienceHooks : phrases.hooks;
  const formHook = fill(drawer.draw(pool, maxWords) ?? asTyped, values);
  const lead = drawer.draw(TONE_LEADS[brief.tone], Math.max(1, maxWords - countWords(formHook)));
  // The shortest videos have no words to spare for a greeting.
  const roomForLead = lead && maxWords >= MIN_WORDS_WITH_LEAD;
  const toneHook =
    roomForLead && countWords(lead) + countWords(formHook) <= maxWords + 1 ? `${lead} ${formHook}` : formHook;
  const pools = {
    styles: {
      ...STYLE_HOOKS,
      question: phrases.questionHooks,
      'how-to': phrases.howToHooks,
      'bold-claim': phrases.boldHooks,
    },
    topicStatistics: STYLE_HOOKS.statistic,
    contractions: [],
  };
  return styledHook(brief, pools, values, seed, maxWords, asTyped) ?? toneHook;
}

/** Where framing beats go: an opening first, a closing last, the others between the key points. */
function planSlots(pointCount: number, beatCount: number): Slot[] {
  const framingCount = beatCount - pointCount;
  if (pointCount === 0) {
    return Array.from({ length: beatCount }, (_, index) => ({
      kind: index === 0 ? 'opening' : index === beatCount - 1 ? 'closing' : 'middle',
    }));
  }
  const middles = Math.max(0, framingCount - 2);
  const middle: Slot[] = [];
  for (let i = 0; i < Math.max(pointCount, middles); i++) {
    if (i < pointCount) middle.push({ kind: 'point', index: i });
    if (i < middles) middle.push({ kind: 'middle' });
  }
  return [
    ...(framingCount >= 1 ? [{ kind: 'opening' } as const] : []),
    ...middle,
    ...(framingCount >= 2 ? [{ kind: 'closing' } as const] : []),
  ];
}

/** A key point after the connector its place calls for: "First, use coarse ground beans." */
function pointSentence(
  points: string[],
  index: number,
  phrases: FormPhrases,
  connectors: PhraseDrawer,
): string {
  const point = points[index] ?? '';
  const pools = phrases.connectors;
  const pool =
    points.length === 1
      ? pools.only
      : index === 0
        ? pools.first
        : index === points.length - 1
          ? pools.last
          : pools.middle;
  const connector = connectors.draw(pool, Number.POSITIVE_INFINITY);
  return connector ? fill(connector, { point: lowerFirst(point) }) : point;
}

/** The first sentence of a framing beat: the outline notice, an opening, or the closing; none in the middle. */
function framingLead(
  kind: Exclude<Slot['kind'], 'point'>,
  hasPoints: boolean,
  phrases: FormPhrases,
  drawer: PhraseDrawer,
  values: Placeholders,
  maxWords: number,
): string | null {
  const pool =
    kind === 'opening'
      ? hasPoints
        ? phrases.openings
        : phrases.outlines
      : kind === 'closing'
        ? hasPoints
          ? phrases.closings
          : phrases.outlineClosings
        : null;
  const phrase = pool ? drawer.draw(pool, Math.max(4, Math.round(maxWords))) : null;
  return phrase ? fill(phrase, values) : null;
}

/** General statements, the form's own first, then those true of any topic; none is used twice. */
class GeneralStatements {
  constructor(
    private readonly drawer: PhraseDrawer,
    private readonly phrases: FormPhrases,
  ) {}

  next(maxWords: number): string | null {
    return this.drawer.draw(this.phrases.general, maxWords) ?? this.drawer.draw(SHARED_GENERAL, maxWords);
  }

  /** Adds statements to a framing beat until it holds about `perBeat` words; a closing sentence stays last. */
  fill(sentences: string[], perBeat: number, closing: boolean): string[] {
    const beat = [...sentences];
    for (let turn = 0; turn < 8; turn++) {
      const words = countWords(beat.join(' '));
      if (beat.length > 0 && words >= perBeat * 0.8) break;
      const statement = this.next(Math.max(4, Math.round(perBeat - words)));
      if (!statement || (beat.length > 0 && countWords(statement) > perBeat - words + 3)) break;
      if (closing) beat.splice(Math.max(0, beat.length - 1), 0, statement);
      else beat.push(statement);
    }
    return beat;
  }
}

/**
 * Beats are filled sentence by sentence and so end up a little short; this adds general statements until the
 * script reaches the word target, never passing it by more than the slack. They go to the shortest framing beat
 * while one has room (before a closing beat's last sentence), else to the shortest inner beat, so no beat becomes
 * a list of generalities and the person's key points are not buried under them.
 */
function topUp(
  beats: string[][],
  slots: Slot[],
  perBeat: number,
  otherWords: number,
  targetWords: number,
  general: GeneralStatements,
): void {
  const wordsOf = (beat: string[]) => countWords(beat.join(' '));
  const framing = beats.filter((_, index) => index > 0 && slots[index]?.kind !== 'point');
  const inner = beats.length > 2 ? beats.slice(1, -1) : beats;
  for (let turn = 0; turn < 24; turn++) {
    const missing = targetWords - otherWords - wordsOf(beats.flat());
    if (missing <= SLACK) return;
    const statement = general.next(missing + SLACK);
    if (!statement || countWords(statement) > missing + SLACK) return;
    const roomy = framing.filter((beat) => wordsOf(beat) < perBeat * 1.5);
    const candidates = roomy.length > 0 ? roomy : inner;
    const shortest = candidates.reduce((a, b) => (wordsOf(b) < wordsOf(a) ? b : a));
    const closing = shortest === beats.at(-1) && slots.at(-1)?.kind === 'closing';
    shortest.splice(closing ? shortest.length - 1 : shortest.length, 0, statement);
  }
}

/** The list starting at another item for each beat, so beats that share the topic's nouns vary their order. */
function rotated<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
