import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiTtsEngine } from '../../../src/adapters/ai/voice/openai/openai-tts-engine.js';
import { spokenWords } from '../../../src/adapters/ai/voice/words.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { startOpenAiTtsFake, type OpenAiTtsFake } from '../../../sandbox/ai/openai-tts/server.js';
import { expectMonoWav, expectWellFormedTimings, scratchDir, speechRms } from './support.js';

const TEXT = 'Stop scrolling. Here are three tiny habits, backed by research, that make mornings easier!';

let fake: OpenAiTtsFake;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  fake = await startOpenAiTtsFake({ apiKey: 'sk-test' });
  scratch = await scratchDir();
});
afterAll(async () => Promise.all([fake.close(), scratch.cleanup()]));

const engine = (overrides: Partial<ConstructorParameters<typeof OpenAiTtsEngine>[0]> = {}) =>
  new OpenAiTtsEngine({
    baseUrl: fake.baseUrl,
    apiKey: 'sk-test',
    model: 'tts-1',
    defaultVoice: 'alloy',
    timeoutMs: 2000,
    ...overrides,
  });
const input = (text = TEXT, voice = 'default') => ({ text, language: 'en', voice, outDir: scratch.dir });

describe('OpenAI text to speech (against the local fake)', () => {
  it('asks for WAV and estimates word timings over the sound, saying so in its id', async () => {
    const tts = engine();
    expect(tts.id).toBe('openai-tts:tts-1 (estimated timings)');
    const result = await tts.synthesize(input());
    expect(fake.requests.at(-1)).toEqual({
      model: 'tts-1',
      input: TEXT,
      voice: 'alloy',
      response_format: 'wav',
    });
    const pcm = await expectMonoWav(result);
    expect(pcm.sampleRate).toBe(24000);
    expectWellFormedTimings(
      result.words,
      result.durationMs,
      spokenWords(TEXT).map((w) => w.text),
    );
    // The fake's speech starts after 150 ms and ends 200 ms before the end: estimates stay on the sound.
    expect(result.words[0]?.startMs).toBeGreaterThanOrEqual(140);
    expect(result.words[0]?.startMs).toBeLessThanOrEqual(170);
    expect(result.durationMs - (result.words.at(-1)?.endMs ?? 0)).toBeGreaterThanOrEqual(180);
    expect(speechRms(pcm, result.words)).toBeGreaterThan(0.1);
  });

  it('passes a named voice through and lists the built-in voices', async () => {
    await engine().synthesize(input('Hello there.', 'nova'));
    expect(fake.requests.at(-1)).toMatchObject({ voice: 'nova' });
    expect((await engine().voices()).map((v) => v.id)).toContain('shimmer');
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
    if (failure === 429) expect(error).toMatchObject({ retryAfterMs: 2000 });
  });

  it('refuses a wrong key, an unknown voice and a text over 4096 characters', async () => {
    await expect(engine({ apiKey: 'sk-wrong' }).synthesize(input())).rejects.toMatchObject({
      code: 'provider_auth',
    });
    await expect(engine().synthesize(input(TEXT, 'robot'))).rejects.toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('Invalid voice') as string,
    });
    const sent = fake.requests.length;
    await expect(engine().synthesize(input('word '.repeat(1000)))).rejects.toMatchObject({
      code: 'voice_text_too_long',
    });
    expect(fake.requests.length).toBe(sent);
  });

  it('rethrows the caller’s abort instead of reporting a provider failure', async () => {
    fake.failNext('hang');
    const controller = new AbortController();
    const pending = engine().synthesize(input(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports an unreachable server as transient', async () => {
    const closed = await startOpenAiTtsFake({ apiKey: 'x' });
    await closed.close();
    await expect(engine({ baseUrl: closed.baseUrl }).synthesize(input())).rejects.toMatchObject({
      code: 'ai_unreachable',
    });
  });
});
