import { describe, expect, it } from 'vitest';
import { GoogleTtsEngine } from '../../../src/adapters/ai/voice/google/google-tts-engine.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import { TransientError } from '../../../src/domain/errors.js';
import { startGoogleTtsFake } from '../../../sandbox/ai/google-tts/server.js';
import {
  COMMON_FAILURES,
  expectMonoWav,
  expectWellFormedTimings,
  itMapsFailures,
  speechRms,
  voiceTestBed,
} from './support.js';

const TEXT = 'Salt & pepper. Three <easy> steps, every morning!';

const bed = voiceTestBed(() => startGoogleTtsFake({ apiKey: 'g-key', accessToken: 'ya29.token' }));
const { input } = bed;

const engine = (overrides: Partial<ConstructorParameters<typeof GoogleTtsEngine>[0]> = {}) =>
  new GoogleTtsEngine({
    baseUrl: bed.fake.baseUrl,
    apiKey: 'g-key',
    defaultVoice: '',
    timeoutMs: 2000,
    ...overrides,
  });

describe('Google Cloud Text-to-Speech (against the local fake)', () => {
  it('marks every word in SSML and times words from the time points', async () => {
    const result = await engine().synthesize(input(TEXT));
    expect(bed.fake.requests.at(-1)).toEqual({
      input: {
        ssml: expect.stringMatching(/^<speak><mark name="w0"\/>Salt <mark name="w1"\/>&amp; /) as string,
      },
      voice: { languageCode: 'en' },
      audioConfig: { audioEncoding: 'LINEAR16' },
      enableTimePointing: ['SSML_MARK'],
    });
    const pcm = await expectMonoWav(result);
    expectWellFormedTimings(
      result.words,
      result.durationMs,
      spokenWords(TEXT).map((w) => w.text),
    );
    expect(result.words[0]?.startMs).toBe(150);
    // The end mark after "pepper." stops the word at its sound; the sentence pause follows.
    const pepper = result.words[2];
    expect((result.words[3]?.startMs ?? 0) - (pepper?.endMs ?? 0)).toBe(300);
    expect(speechRms(pcm, result.words)).toBeGreaterThan(0.1);
  });

  it('uses a Bearer token instead of a key, and a named voice with its own language', async () => {
    const tts = engine({
      apiKey: undefined,
      accessToken: async () => 'ya29.token',
      defaultVoice: 'fr-FR-Neural2-A',
    });
    const result = await tts.synthesize(input('Bonjour à tous.', { language: 'fr' }));
    expect(result.words.map((w) => w.text)).toEqual(['Bonjour', 'à', 'tous.']);
    expect(bed.fake.requests.at(-1)).toMatchObject({
      voice: { languageCode: 'fr-FR', name: 'fr-FR-Neural2-A' },
    });
  });

  it('sends a long text as several requests and joins audio and timings', async () => {
    const sentence = 'Every small habit compounds over weeks and months into something you can see. ';
    const text = sentence.repeat(25).trim();
    const before = bed.fake.requests.length;
    const result = await engine().synthesize(input(text));
    expect(bed.fake.requests.length - before).toBeGreaterThan(1);
    const words = spokenWords(text).map((w) => w.text);
    expect(words).toHaveLength(325);
    expectWellFormedTimings(result.words, result.durationMs, words);
    const pcm = await expectMonoWav(result);
    expect(speechRms(pcm, result.words.slice(-13))).toBeGreaterThan(0.1);
    expect(result.words.at(-1)?.endMs).toBeGreaterThan(result.durationMs - 500);
  });

  // Google's quota answer is a 429 RESOURCE_EXHAUSTED like its rate limit: both are worth waiting for.
  itMapsFailures(
    bed,
    () => engine({ timeoutMs: 300 }).synthesize(input(TEXT)),
    [
      ...COMMON_FAILURES,
      ['quota', TransientError, 'ai_rate_limited'],
      [503, TransientError, 'ai_unavailable'],
    ],
    3000,
  );

  it('treats an invalid key (400 API_KEY_INVALID), a bad token and no credentials as credential problems', async () => {
    await expect(engine({ apiKey: 'wrong' }).synthesize(input(TEXT))).rejects.toMatchObject({
      code: 'provider_auth',
    });
    const badToken = engine({ apiKey: undefined, accessToken: async () => 'expired' });
    await expect(badToken.synthesize(input(TEXT))).rejects.toMatchObject({ code: 'provider_auth' });
    await expect(engine({ apiKey: undefined }).synthesize(input(TEXT))).rejects.toMatchObject({
      code: 'provider_auth',
    });
  });

  it('reports a voice Google does not have as a rejected request', async () => {
    await expect(engine().synthesize(input(TEXT, { voice: 'en-US-Imaginary-Z' }))).rejects.toMatchObject({
      code: 'provider_rejected',
    });
  });

  it('lists the voices', async () => {
    const voices = await engine().voices();
    expect(voices).toContainEqual({
      id: 'en-US-Neural2-F',
      name: 'en-US-Neural2-F (female)',
      languages: ['en-US'],
    });
  });
});
