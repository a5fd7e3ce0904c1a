import type { Brief, HookStyle } from '../../../../domain/content.js';
import { givenFigure, writtenHookStyle } from '../../../../domain/hook-style.js';
import type { LanguagePack } from './packs/language-pack.js';
import { fill, PhraseDrawer, type Placeholders } from './phrasing.js';
import { hashSeed, SeededChooser } from './seeded-random.js';

/** The hooks a language offers per style; `topicStatistics` state a number found in the topic itself. */
export interface StyledHookPools {
  styles: Record<HookStyle, string[]>;
  topicStatistics: string[];
  contractions: LanguagePack['contractions'];
}

/**
 * The hook in the brief's style, or null when the brief asks for none (the tone's hooks are used then). It is
 * drawn with its own seed, so that the style changes the hook and not the other phrases drawn (only the filler
 * that fits the word target follows the hook's length). `fallback` is used when no phrase can be filled.
 */
export function styledHook(
  brief: Brief,
  pools: StyledHookPools,
  values: Placeholders,
  seed: string,
  maxWords: number,
  fallback: string,
): string | null {
  const style = writtenHookStyle(brief);
  if (!style) return null;
  const given = style === 'statistic' ? givenFigure(brief) : null;
  const pool = given?.inTopic ? pools.topicStatistics : pools.styles[style];
  const withFigure = given ? { ...values, figure: given.figure } : values;
  const drawer = new PhraseDrawer(new SeededChooser(hashSeed(`${seed}\u0000${style}`)), withFigure);
  const phrase = drawer.draw(pool, maxWords);
  return phrase ? fill(phrase, withFigure, pools.contractions) : fallback;
}
