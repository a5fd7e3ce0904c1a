import type { VoiceEngine, VoiceInfo } from '../../../ports/voice-engine.js';
import { ElevenLabsEngine } from './elevenlabs/elevenlabs-engine.js';
import { EspeakVoiceEngine } from './espeak/espeak-voice-engine.js';
import { FestivalVoiceEngine } from './festival/festival-voice-engine.js';
import { GoogleTtsEngine } from './google/google-tts-engine.js';
import { OpenAiTtsEngine } from './openai/openai-tts-engine.js';
import { SilentVoice } from './silent-voice.js';
import {
  voiceSettingsProblems,
  type VoiceProvider,
  type VoiceSettings,
} from '../../../config/voice.schema.js';

export { DEFAULT_VOICE } from './voice-output.js';

export const VOICE_PROVIDERS: readonly VoiceProvider[] = [
  'espeak',
  'festival',
  'openai',
  'google',
  'elevenlabs',
  'none',
];

/**
 * The voice engine for a provider (VOICE_PROVIDER by default). Throws an Error naming the missing settings when a
 * cloud provider has no credentials. Create it once: engines keep their loaded state.
 */
export function createVoiceEngine(settings: VoiceSettings, provider = settings.VOICE_PROVIDER): VoiceEngine {
  const problems = voiceSettingsProblems({ ...settings, VOICE_PROVIDER: provider });
  if (problems.length > 0) throw new Error(problems.join('; '));
  const timeoutMs = settings.VOICE_TIMEOUT_SECONDS * 1000;
  switch (provider) {
    case 'espeak':
      return new EspeakVoiceEngine();
    case 'festival':
      return new FestivalVoiceEngine({ binary: settings.FESTIVAL_BIN, timeoutMs });
    case 'openai':
      return new OpenAiTtsEngine({
        baseUrl: settings.OPENAI_TTS_BASE_URL,
        apiKey: settings.OPENAI_TTS_API_KEY ?? '',
        model: settings.OPENAI_TTS_MODEL,
        defaultVoice: settings.OPENAI_TTS_VOICE,
        timeoutMs,
      });
    case 'google': {
      const token = settings.GOOGLE_TTS_ACCESS_TOKEN;
      return new GoogleTtsEngine({
        baseUrl: settings.GOOGLE_TTS_BASE_URL,
        ...(settings.GOOGLE_TTS_API_KEY ? { apiKey: settings.GOOGLE_TTS_API_KEY } : {}),
        ...(token && !settings.GOOGLE_TTS_API_KEY ? { accessToken: async () => token } : {}),
        defaultVoice: settings.GOOGLE_TTS_VOICE,
        timeoutMs,
      });
    }
    case 'elevenlabs':
      return new ElevenLabsEngine({
        baseUrl: settings.ELEVENLABS_BASE_URL,
        apiKey: settings.ELEVENLABS_API_KEY ?? '',
        modelId: settings.ELEVENLABS_MODEL_ID,
        defaultVoiceId: settings.ELEVENLABS_VOICE_ID,
        timeoutMs,
      });
    case 'none':
      return new SilentVoice();
  }
}

/** One engine as the UI lists it. */
export interface VoiceEngineListing {
  provider: VoiceProvider;
  /** The engine id (stage cache key part), or null when it cannot be created here. */
  engineId: string | null;
  offline: boolean;
  /** True for VOICE_PROVIDER's engine. */
  selected: boolean;
  available: boolean;
  /** Why it is not available (not installed, not configured, the provider failed), in plain words. */
  reason: string | null;
  /** Its voices; "*" in `languages` means every language the engine detects from the text. */
  voices: VoiceInfo[];
}

/** Every engine with whether it can run here and its voices (cloud voices are fetched from the provider). */
export async function listVoiceEngines(settings: VoiceSettings): Promise<VoiceEngineListing[]> {
  return Promise.all(
    VOICE_PROVIDERS.map(async (provider): Promise<VoiceEngineListing> => {
      const base = { provider, selected: provider === settings.VOICE_PROVIDER, offline: isOffline(provider) };
      const problems = voiceSettingsProblems({ ...settings, VOICE_PROVIDER: provider });
      if (problems.length > 0) {
        return { ...base, engineId: null, available: false, reason: problems.join('; '), voices: [] };
      }
      const engine = createVoiceEngine(settings, provider);
      if (engine instanceof FestivalVoiceEngine) {
        const status = await engine.availability();
        if (!status.available)
          return { ...base, engineId: engine.id, available: false, reason: status.reason, voices: [] };
      }
      try {
        return { ...base, engineId: engine.id, available: true, reason: null, voices: await engine.voices() };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { ...base, engineId: engine.id, available: false, reason, voices: [] };
      }
    }),
  );
}

function isOffline(provider: VoiceProvider): boolean {
  return provider === 'espeak' || provider === 'festival' || provider === 'none';
}
