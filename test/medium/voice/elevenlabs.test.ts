import { describe, expect, it } from 'vitest';
import { ElevenLabsEngine } from '../../../src/adapters/ai/voice/elevenlabs/elevenlabs-engine.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import { UserError } from '../../../src/domain/errors.js';
import { startElevenLabsFake } from '../../../sandbox/ai/elevenlabs/server.js';
import {
  COMMON_FAILURES,
  expectMonoWav,
  expectWellFormedTimings,
  itMapsFailures,
  speechRms,
  voiceTestBed,
} from './support.js';

const TEXT = 'Ready? Here’s the trick: drink water first — then coffee. 😀 Done!';

const bed = voiceTestBed(() => startElevenLabsFake({ apiKey: 'xi-test' }));
const { input } = bed;

const engine = (overrides: Partial<ConstructorParameters<typeof ElevenLabsEngine>[0]> = {}) =>
  new ElevenLabsEngine({
    baseUrl: bed.fake.baseUrl,
    apiKey: 'xi-test',
    modelId: 'eleven_multilingual_v2',
    defaultVoiceId: '21m00Tcm4TlvDq8gsUzs',
    timeoutMs: 2000,
    ...overrides,
  });

describe('ElevenLabs (against the local fake)', () => {
  it('asks for 22 kHz PCM with timestamps and groups characters into words', async () => {
    const result = await engine().synthesize(input(TEXT));
    expect(bed.fake.requests.at(-1)).toEqual({
      voiceId: '21m00Tcm4TlvDq8gsUzs',
      outputFormat: 'pcm_22050',
      body: { text: TEXT, model_id: 'eleven_multilingual_v2' },
    });
    const pcm = await expectMonoWav(result);
    expect(pcm.sampleRate).toBe(22050);
    expectWellFormedTimings(
      result.words,
      result.durationMs,
      spokenWords(TEXT).map((w) => w.text),
    );
    expect(result.words[0]?.startMs).toBe(150);
    // "Ready?" lasts 6 × 70 ms in the fake; its "?" carries no sound, so the word ends after "Ready".
    expect(result.words[0]?.endMs).toBe(500);
    expect(speechRms(pcm, result.words)).toBeGreaterThan(0.1);
  });

  it('sends language_code only to models that take it, and a named voice in the path', async () => {
    await engine({ modelId: 'eleven_flash_v2_5' }).synthesize(
      input('Bonjour à tous.', { language: 'fr-CA', voice: 'pNInz6obpgDQGcFmaJgB' }),
    );
    expect(bed.fake.requests.at(-1)).toMatchObject({
      voiceId: 'pNInz6obpgDQGcFmaJgB',
      body: { model_id: 'eleven_flash_v2_5', language_code: 'fr' },
    });
  });

  itMapsFailures(
    bed,
    () => engine({ timeoutMs: 300 }).synthesize(input(TEXT)),
    [...COMMON_FAILURES, ['quota', UserError, 'provider_quota']],
    1000,
  );

  it('refuses a wrong key and an unknown voice', async () => {
    await expect(engine({ apiKey: 'nope' }).synthesize(input(TEXT))).rejects.toMatchObject({
      code: 'provider_auth',
    });
    await expect(engine().synthesize(input(TEXT, { voice: 'no-such-voice' }))).rejects.toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('was not found') as string,
    });
  });

  it('lists the account’s voices', async () => {
    expect(await engine().voices()).toContainEqual({
      id: '21m00Tcm4TlvDq8gsUzs',
      name: 'Rachel',
      languages: ['*'],
    });
  });
});
