import { describe, expect, it } from 'vitest';
import { ElevenLabsEngine } from '../../../src/adapters/ai/voice/elevenlabs/elevenlabs-engine.js';
import { EspeakVoiceEngine } from '../../../src/adapters/ai/voice/espeak/espeak-voice-engine.js';
import { FestivalVoiceEngine } from '../../../src/adapters/ai/voice/festival/festival-voice-engine.js';
import { GoogleTtsEngine } from '../../../src/adapters/ai/voice/google/google-tts-engine.js';
import { createVoiceEngine, VOICE_PROVIDERS } from '../../../src/adapters/ai/voice/index.js';
import { OpenAiTtsEngine } from '../../../src/adapters/ai/voice/openai/openai-tts-engine.js';
import { SilentVoice } from '../../../src/adapters/ai/voice/silent-voice.js';
import { voiceSettingsProblems, voiceSettingsSchema } from '../../../src/config/voice.schema.js';

const defaults = voiceSettingsSchema.parse({});

describe('voice settings', () => {
  it('defaults to the offline eSpeak engine and the real provider hosts', () => {
    expect(defaults).toMatchObject({
      VOICE_PROVIDER: 'espeak',
      VOICE_TIMEOUT_SECONDS: 60,
      FESTIVAL_BIN: 'festival',
      OPENAI_TTS_BASE_URL: 'https://api.openai.com/v1',
      OPENAI_TTS_MODEL: 'tts-1',
      OPENAI_TTS_VOICE: 'alloy',
      GOOGLE_TTS_BASE_URL: 'https://texttospeech.googleapis.com',
      GOOGLE_TTS_VOICE: '',
      ELEVENLABS_BASE_URL: 'https://api.elevenlabs.io',
      ELEVENLABS_MODEL_ID: 'eleven_multilingual_v2',
    });
    expect(
      voiceSettingsSchema.parse({ OPENAI_TTS_BASE_URL: 'http://127.0.0.1:9/v1/' }).OPENAI_TTS_BASE_URL,
    ).toBe('http://127.0.0.1:9/v1');
    expect(() => voiceSettingsSchema.parse({ VOICE_PROVIDER: 'polly' })).toThrow();
  });

  it('names the missing credentials of the chosen cloud provider', () => {
    expect(voiceSettingsProblems({ ...defaults, VOICE_PROVIDER: 'openai' })).toEqual([
      'VOICE_PROVIDER=openai needs OPENAI_TTS_API_KEY',
    ]);
    expect(
      voiceSettingsProblems({ ...defaults, VOICE_PROVIDER: 'google', GOOGLE_TTS_ACCESS_TOKEN: 't' }),
    ).toEqual([]);
    expect(voiceSettingsProblems({ ...defaults, VOICE_PROVIDER: 'elevenlabs' })).toHaveLength(1);
    expect(voiceSettingsProblems({ ...defaults, VOICE_PROVIDER: 'festival' })).toEqual([]);
  });
});

describe('createVoiceEngine', () => {
  const configured = {
    ...defaults,
    OPENAI_TTS_API_KEY: 'sk',
    GOOGLE_TTS_API_KEY: 'gk',
    ELEVENLABS_API_KEY: 'ek',
  };

  it.each([
    ['espeak', EspeakVoiceEngine, 'espeak-ng-wasm@0.3.5', true],
    ['festival', FestivalVoiceEngine, 'festival', true],
    ['openai', OpenAiTtsEngine, 'openai-tts:tts-1 (estimated timings)', false],
    ['google', GoogleTtsEngine, 'google-tts:v1beta1', false],
    ['elevenlabs', ElevenLabsEngine, 'elevenlabs:eleven_multilingual_v2', false],
    ['none', SilentVoice, 'none', true],
  ] as const)('%s → %o (%s)', (provider, kind, id, offline) => {
    const engine = createVoiceEngine({ ...configured, VOICE_PROVIDER: provider });
    expect(engine).toBeInstanceOf(kind);
    expect(engine.id).toBe(id);
    expect(engine.offline).toBe(offline);
  });

  it('covers every provider and refuses a cloud provider without credentials', () => {
    expect(VOICE_PROVIDERS).toEqual(voiceSettingsSchema.shape.VOICE_PROVIDER.unwrap().options);
    expect(() => createVoiceEngine(defaults, 'openai')).toThrow(/OPENAI_TTS_API_KEY/);
  });
});
