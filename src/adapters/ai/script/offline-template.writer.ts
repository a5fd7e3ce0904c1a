import type { Brief, Script } from '../../../domain/content.js';
import { primaryLanguage } from '../../../domain/metadata/keywords.js';
import type { ScriptLength, ScriptWriter } from '../../../ports/script-writer.js';
import { composeScript } from './offline/compose.js';
import { composeEnglish } from './offline/english/compose-english.js';
import { packFor } from './offline/packs/index.js';

/** Part of the stage cache key: a new version makes old cached offline scripts stale. */
export const OFFLINE_WRITER_ID = 'offline-template@3';

/**
 * The built-in writer: needs no network and no model. English topics are read with an NLP library (question,
 * how-to, noun phrase or claim) and written around their form; French, Spanish, German, Portuguese and Italian
 * use per-language templates; other languages get the English writer, flagged. The script has about the asked
 * number of words and never states a fact the person did not give. Deterministic: the same brief gives the same
 * script.
 */
export class OfflineTemplateWriter implements ScriptWriter {
  readonly id = OFFLINE_WRITER_ID;
  readonly offline = true;

  /** Writes the script at once; the signal is only checked, as there is nothing to cancel. */
  async write(brief: Brief, length: ScriptLength, signal?: AbortSignal): Promise<Script> {
    signal?.throwIfAborted();
    const pack = packFor(brief.language);
    if (pack) {
      return { language: brief.language, ...composeScript(brief, length.targetWords, pack), writer: this.id };
    }
    const english = primaryLanguage(brief.language) === 'en';
    return {
      language: english ? brief.language : 'en',
      ...composeEnglish(brief, length.targetWords),
      writer: english ? this.id : `${this.id} (en fallback for ${brief.language})`,
    };
  }
}
