import { primaryLanguage } from '../../../../../domain/metadata/keywords.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import type { LanguagePack } from './language-pack.js';
import { pt } from './pt.js';

const PACKS: Record<string, LanguagePack> = { en, fr, es, de, pt, it };

/** The phrases for a BCP 47 language ("pt-BR" uses Portuguese); English, flagged, when there are none. */
export function packFor(language: string): { pack: LanguagePack; fallback: boolean } {
  const pack = PACKS[primaryLanguage(language)];
  return pack ? { pack, fallback: false } : { pack: en, fallback: true };
}
