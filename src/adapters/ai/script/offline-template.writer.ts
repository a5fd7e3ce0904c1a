import type { Brief, Script } from '../../../domain/content.js';
import type { ScriptLength, ScriptWriter } from '../../../ports/script-writer.js';
import { composeScript, OFFLINE_WRITER_ID } from './offline/compose.js';

/**
 * The built-in writer: needs no network and no model. A grammar of per-language templates (en, fr, es, de,
 * pt, it; English otherwise) turns the brief's topic, key points, audience and tone into a script of about the
 * asked number of words. Deterministic: the same brief gives the same script.
 */
export class OfflineTemplateWriter implements ScriptWriter {
  readonly id = OFFLINE_WRITER_ID;
  readonly offline = true;

  /** Writes the script at once; the signal is only checked, as there is nothing to cancel. */
  async write(brief: Brief, length: ScriptLength, signal?: AbortSignal): Promise<Script> {
    signal?.throwIfAborted();
    return composeScript(brief, length.targetWords);
  }
}
