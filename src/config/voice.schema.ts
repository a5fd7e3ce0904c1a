import { z } from 'zod';

const baseUrl = (real: string, serves: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(real)
    .transform((u) => u.replace(/\/+$/, ''))
    .describe(`Base URL of ${serves}; the real host by default (a local fake in tests)`);

const secret = (what: string) => z.string().min(1).optional().describe(what);

/** The voice engine choice and each cloud engine's account and defaults, ready to spread into the config schema. */
export const voiceSettings = {
  VOICE_PROVIDER: z
    .enum(['espeak', 'festival', 'openai', 'google', 'elevenlabs', 'none'])
    .default('espeak')
    .describe(
      'Voice-over engine: espeak (offline, every language), festival (offline, English, needs Debian festival), openai, google, elevenlabs, or none (captions at reading pace)',
    ),
  VOICE_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(600)
    .default(60)
    .describe('How long one voice-over may take before it counts as a (retryable) failure'),
  FESTIVAL_BIN: z
    .string()
    .min(1)
    .default('festival')
    .describe('The festival executable, by name on PATH or by path'),
  OPENAI_TTS_BASE_URL: baseUrl('https://api.openai.com/v1', 'the OpenAI (or compatible) API, ending in /v1'),
  OPENAI_TTS_API_KEY: secret('OpenAI API key for text to speech (required when VOICE_PROVIDER=openai)'),
  OPENAI_TTS_MODEL: z
    .string()
    .min(1)
    .default('tts-1')
    .describe('OpenAI speech model: tts-1, tts-1-hd, gpt-4o-mini-tts'),
  OPENAI_TTS_VOICE: z
    .string()
    .min(1)
    .default('alloy')
    .describe('OpenAI voice used when a brief asks for the default'),
  GOOGLE_TTS_BASE_URL: baseUrl('https://texttospeech.googleapis.com', 'Google Cloud Text-to-Speech'),
  GOOGLE_TTS_API_KEY: secret('Google Cloud API key with Text-to-Speech enabled (sent as ?key=)'),
  GOOGLE_TTS_ACCESS_TOKEN: secret(
    'Instead of an API key: an OAuth access token sent as Bearer (short-lived; for trials, e.g. gcloud auth print-access-token)',
  ),
  GOOGLE_TTS_VOICE: z
    .string()
    .default('')
    .describe(
      'Google voice used for the default, e.g. en-US-Neural2-F; empty: Google picks one for the language',
    ),
  ELEVENLABS_BASE_URL: baseUrl('https://api.elevenlabs.io', 'the ElevenLabs API'),
  ELEVENLABS_API_KEY: secret('ElevenLabs API key (xi-api-key)'),
  ELEVENLABS_VOICE_ID: z
    .string()
    .min(1)
    .default('21m00Tcm4TlvDq8gsUzs')
    .describe('ElevenLabs voice id used for the default (Rachel, a premade voice)'),
  ELEVENLABS_MODEL_ID: z
    .string()
    .min(1)
    .default('eleven_multilingual_v2')
    .describe('ElevenLabs model: eleven_multilingual_v2, eleven_flash_v2_5, eleven_turbo_v2_5…'),
};

export const voiceSettingsSchema = z.object(voiceSettings);
export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
export type VoiceProvider = VoiceSettings['VOICE_PROVIDER'];

/** What the chosen provider lacks, in plain words (empty when it can run); for boot validation. */
export function voiceSettingsProblems(settings: VoiceSettings): string[] {
  switch (settings.VOICE_PROVIDER) {
    case 'openai':
      return settings.OPENAI_TTS_API_KEY ? [] : ['VOICE_PROVIDER=openai needs OPENAI_TTS_API_KEY'];
    case 'google':
      return settings.GOOGLE_TTS_API_KEY || settings.GOOGLE_TTS_ACCESS_TOKEN
        ? []
        : ['VOICE_PROVIDER=google needs GOOGLE_TTS_API_KEY or GOOGLE_TTS_ACCESS_TOKEN'];
    case 'elevenlabs':
      return settings.ELEVENLABS_API_KEY ? [] : ['VOICE_PROVIDER=elevenlabs needs ELEVENLABS_API_KEY'];
    default:
      return [];
  }
}
