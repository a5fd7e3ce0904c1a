import { UserError } from '../../../domain/errors.js';
import type { ScriptWriter } from '../../../ports/script-writer.js';
import { AnthropicWriter } from './anthropic.writer.js';
import { OfflineTemplateWriter } from './offline-template.writer.js';
import { OpenAICompatibleWriter } from './openai-compatible.writer.js';

export { AnthropicWriter, type AnthropicSettings } from './anthropic.writer.js';
export { OfflineTemplateWriter } from './offline-template.writer.js';
export { OpenAICompatibleWriter, type OpenAICompatibleSettings } from './openai-compatible.writer.js';

/** The settings that pick and configure the script writer (names as in the environment). */
export interface ScriptWriterSettings {
  SCRIPT_PROVIDER: 'offline' | 'openai' | 'anthropic';
  OPENAI_BASE_URL: string;
  OPENAI_API_KEY?: string;
  OPENAI_MODEL: string;
  ANTHROPIC_BASE_URL: string;
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_MODEL: string;
}

/** The script writer the settings ask for; Anthropic needs a key, OpenAI-compatible local servers may not. */
export function createScriptWriter(settings: ScriptWriterSettings): ScriptWriter {
  switch (settings.SCRIPT_PROVIDER) {
    case 'offline':
      return new OfflineTemplateWriter();
    case 'openai':
      return new OpenAICompatibleWriter({
        baseUrl: settings.OPENAI_BASE_URL,
        apiKey: settings.OPENAI_API_KEY,
        model: settings.OPENAI_MODEL,
      });
    case 'anthropic':
      if (!settings.ANTHROPIC_API_KEY) {
        throw new UserError(
          'validation',
          'config_invalid',
          'SCRIPT_PROVIDER=anthropic needs ANTHROPIC_API_KEY to be set',
        );
      }
      return new AnthropicWriter({
        baseUrl: settings.ANTHROPIC_BASE_URL,
        apiKey: settings.ANTHROPIC_API_KEY,
        model: settings.ANTHROPIC_MODEL,
      });
  }
}
