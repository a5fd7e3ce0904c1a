import { primaryLanguage } from '../../../../../domain/metadata/keywords.js';
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import type { LanguagePack } from './language-pack.js';
import { pt } from './pt.js';

const PACKS: Record<string, LanguagePack> = { fr, es, de, pt, it };

/** The phrases for a BCP 47 language other than English ("pt-BR" uses Portuguese); null when there are none. */
export function packFor(language: string): LanguagePack | null {
  return PACKS[primaryLanguage(language)] ?? null;
}
