import type { Brief } from '../../../../domain/content.js';
import { givenFigure, writtenHookStyle } from '../../../../domain/hook-style.js';
import type { LanguagePack } from './packs/language-pack.js';
import { fill, PhraseDrawer, type Placeholders } from './phrasing.js';
import { hashSeed, SeededChooser } from './seeded-random.js';

/**
 * The hook in the brief's style, or null when the brief asks for none (the tone's hooks are used then). It is
 * drawn with its own seed, so that the style changes the hook and not the other phrases drawn (only the filler
 * that fits the word target follows the hook's length).
 */
export function styledHook(
  brief: Brief,
  pack: LanguagePack,
  values: Placeholders,
  seed: string,
  maxWords: number,
): string | null {
  const style = writtenHookStyle(brief);
  if (!style) return null;
  const given = style === 'statistic' ? givenFigure(brief) : null;
  const pool = given?.inTopic ? pack.topicStatistics : pack.hookStyles[style];
  const withFigure = given ? { ...values, figure: given.figure } : values;
  const drawer = new PhraseDrawer(new SeededChooser(hashSeed(`${seed}\u0000${style}`)), withFigure);
  return fill(drawer.draw(pool, maxWords) ?? '{Topic}', withFigure, pack);
}
