import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ElevenLabsEngine } from '../../../src/adapters/ai/voice/elevenlabs/elevenlabs-engine.js';
import { spokenWords } from '../../../src/adapters/ai/voice/words.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { startElevenLabsFake, type ElevenLabsFake } from '../../../sandbox/ai/elevenlabs/server.js';
import { expectMonoWav, expectWellFormedTimings, scratchDir, speechRms } from './support.js';

const TEXT = 'Ready? Here’s the trick: drink water first — then coffee. 😀 Done!';

let fake: ElevenLabsFake;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  fake = await startElevenLabsFake({ apiKey: 'xi-test' });
  scratch = await scratchDir();
});
afterAll(async () => Promise.all([fake.close(), scratch.cleanup()]));

const engine = (overrides: Partial<ConstructorParameters<typeof ElevenLabsEngine>[0]> = {}) =>
  new ElevenLabsEngine({
    baseUrl: fake.baseUrl,
    apiKey: 'xi-test',
    modelId: 'eleven_multilingual_v2',
    defaultVoiceId: '21m00Tcm4TlvDq8gsUzs',
    timeoutMs: 2000,
    ...overrides,
  });
const input = (text = TEXT, language = 'en', voice = 'default') => ({
  text,
  language,
  voice,
  outDir: scratch.dir,
});

describe('ElevenLabs (against the local fake)', () => {
  it('asks for 22 kHz PCM with timestamps and groups characters into words', async () => {
    const result = await engine().synthesize(input());
    expect(fake.requests.at(-1)).toEqual({
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
      input('Bonjour à tous.', 'fr-CA', 'pNInz6obpgDQGcFmaJgB'),
    );
    expect(fake.requests.at(-1)).toMatchObject({
      voiceId: 'pNInz6obpgDQGcFmaJgB',
      body: { model_id: 'eleven_flash_v2_5', language_code: 'fr' },
    });
  });

  it.each([
    [401, UserError, 'provider_auth'],
    ['quota', UserError, 'provider_quota'],
    [429, TransientError, 'ai_rate_limited'],
    [500, TransientError, 'ai_unavailable'],
    ['bad-answer', TransientError, 'provider_bad_answer'],
    ['hang', TransientError, 'ai_timeout'],
  ] as const)('maps %s to %o %s', async (failure, kind, code) => {
    fake.failNext(failure);
    const error: unknown = await engine({ timeoutMs: 300 })
      .synthesize(input())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ code });
    if (failure === 429) expect(error).toMatchObject({ retryAfterMs: 1000 });
  });

  it('refuses a wrong key and an unknown voice', async () => {
    await expect(engine({ apiKey: 'nope' }).synthesize(input())).rejects.toMatchObject({
      code: 'provider_auth',
    });
    await expect(engine().synthesize(input(TEXT, 'en', 'no-such-voice'))).rejects.toMatchObject({
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
