import type { Brief, HookStyle } from '../../../../../domain/content.js';

export type Tone = Brief['tone'];

/**
 * The phrases one language other than English offers the template writer (English has its own, form-aware
 * writer). Placeholders: {topic}/{Topic} (capitalised),
 * {audience} (as written, after "for"), {Audience}/{listeners} (addressed directly, without a leading article:
 * "les débutants" → "Débutants,", "Salut débutants!"), {point} (a key point, as written), {noun} (a noun phrase
 * from the beat). No phrase
 * states a fact or a number: beats that do not come from key points are questions, contrasts or general tips.
 */
export interface LanguagePack {
  language: string;
  /** Every hook names {topic}; the `withAudience` ones also name {audience} and are used when there is one. */
  hooks: Record<Tone, { general: string[]; withAudience: string[] }>;
  /**
   * Hooks in the style the brief asks for, instead of the tone's. Each names {topic}; each pool has phrases without
   * {audience}. 'question' hooks ask in their first sentence, the others never do. 'statistic' hooks state
   * {figure}, a number the person wrote in a key point; `topicStatistics` are for a number in the topic itself.
   */
  hookStyles: Record<HookStyle, string[]>;
  topicStatistics: string[];
  /** Leads that introduce a key point, by its place among the key points. */
  pointLeads: { only: string[]; first: string[]; middle: string[]; last: string[] };
  /** Short general sentences that fit after any key point, for longer videos. */
  pointFollowUps: string[];
  /** Beats built from the topic alone: an opening question, contrasts, general tips, a closing recap. */
  framing: { opening: string[]; insight: string[]; tip: string[]; closing: string[] };
  callsToAction: Record<Tone, string[]>;
  /** The call to action of the shortest videos, where every added word counts. */
  shortCallToAction: string;
  /** Shot descriptions around a {noun} taken from the beat's own words. */
  visualCues: string[];
  /** Where a noun phrase keeps its main noun: French "café moulu" (first); German nouns are capitalised. */
  nounOrder: 'head-first' | 'capitalized';
  /** Leading articles dropped when the audience is addressed directly. */
  articles: string[];
  /** A topic typed as a how-to ("Comment faire …", "Wie man …"): it stands alone, steps follow. */
  howToTopic: RegExp;
  /** A topic typed as a question ("Pourquoi …", "¿Por qué …"), besides any topic ending with "?". */
  questionTopic: RegExp;
  /** Hooks for a question or how-to topic, which is never put inside a frame: {Standalone} is the topic itself. */
  standaloneHooks: { question: string[]; howTo: string[] };
  /** Fixes article contractions after filling placeholders ("de le" → "du"). */
  contractions: [RegExp, string][];
}
