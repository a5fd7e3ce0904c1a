import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmRms } from '../../../src/adapters/audio/pcm.js';
import { listVoiceEngines } from '../../../src/adapters/ai/voice/index.js';
import { readingPaceTimings } from '../../../src/domain/speech/reading-pace.js';
import { SilentVoice } from '../../../src/adapters/ai/voice/silent-voice.js';
import { voiceSettingsSchema } from '../../../src/config/voice.schema.js';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../sandbox/ai/elevenlabs/server.js';
import { startGoogleTtsFake, type GoogleTtsFake } from '../../../sandbox/ai/google-tts/server.js';
import { expectMonoWav, scratchDir } from './support.js';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let google: GoogleTtsFake;
let elevenlabs: ElevenLabsFake;
beforeAll(async () => {
  scratch = await scratchDir();
  google = await startGoogleTtsFake({ apiKey: 'g' });
  elevenlabs = await startElevenLabsFake({ apiKey: 'e' });
});
afterAll(async () => Promise.all([scratch.cleanup(), google.close(), elevenlabs.close()]));

describe('SilentVoice', () => {
  it('times words at reading pace and writes that much silence, marked silent', async () => {
    const text = 'No voice today. Captions carry the story, word by word.';
    const result = await new SilentVoice().synthesize({
      text,
      language: 'en',
      voice: 'none',
      outDir: scratch.dir,
    });
    expect(result.silent).toBe(true);
    expect(result).toMatchObject(readingPaceTimings(text, 2.6));
    const pcm = await expectMonoWav(result);
    expect(pcmRms(pcm.samples)).toBe(0);
  });
});

describe('listVoiceEngines', () => {
  it('lists every engine with availability, reasons and voices', async () => {
    const settings = voiceSettingsSchema.parse({
      VOICE_PROVIDER: 'google',
      GOOGLE_TTS_BASE_URL: google.baseUrl,
      GOOGLE_TTS_API_KEY: 'g',
      ELEVENLABS_BASE_URL: elevenlabs.baseUrl,
      ELEVENLABS_API_KEY: 'wrong',
      FESTIVAL_BIN: 'no-such-festival-binary',
    });
    const listing = Object.fromEntries((await listVoiceEngines(settings)).map((l) => [l.provider, l]));
    expect(listing.espeak).toMatchObject({ available: true, offline: true, selected: false, reason: null });
    expect(listing.espeak?.voices.length).toBeGreaterThan(100);
    expect(listing.festival).toMatchObject({
      available: false,
      reason: expect.stringContaining('not installed') as string,
    });
    expect(listing.openai).toMatchObject({
      available: false,
      engineId: null,
      reason: expect.stringContaining('OPENAI_TTS_API_KEY') as string,
    });
    expect(listing.google).toMatchObject({
      available: true,
      selected: true,
      offline: false,
      engineId: 'google-tts:v1beta1',
    });
    expect(listing.google?.voices.length).toBeGreaterThan(3);
    expect(listing.elevenlabs).toMatchObject({
      available: false,
      reason: expect.stringContaining('credentials') as string,
    });
    expect(listing.none).toMatchObject({ available: true, engineId: 'none', voices: [{ id: 'none' }] });
  });
});
