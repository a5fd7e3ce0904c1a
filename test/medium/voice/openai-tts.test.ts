import { describe, expect, it } from 'vitest';
import { OpenAiTtsEngine } from '../../../src/adapters/ai/voice/openai/openai-tts-engine.js';
import { spokenWords } from '../../../src/domain/speech/words.js';
import { UserError } from '../../../src/domain/errors.js';
import { startOpenAiTtsFake } from '../../../sandbox/ai/openai-tts/server.js';
import {
  COMMON_FAILURES,
  expectMonoWav,
  expectWellFormedTimings,
  itMapsFailures,
  speechRms,
  voiceTestBed,
} from './support.js';

const TEXT = 'Stop scrolling. Here are three tiny habits, backed by research, that make mornings easier!';

const bed = voiceTestBed(() => startOpenAiTtsFake({ apiKey: 'sk-test' }));
const { input } = bed;

const engine = (overrides: Partial<ConstructorParameters<typeof OpenAiTtsEngine>[0]> = {}) =>
  new OpenAiTtsEngine({
    baseUrl: bed.fake.baseUrl,
    apiKey: 'sk-test',
    model: 'tts-1',
    defaultVoice: 'alloy',
    timeoutMs: 2000,
    ...overrides,
  });

describe('OpenAI text to speech (against the local fake)', () => {
  it('asks for WAV and estimates word timings over the sound, saying so in its id', async () => {
    const tts = engine();
    expect(tts.id).toBe('openai-tts:tts-1 (estimated timings)');
    const result = await tts.synthesize(input(TEXT));
    expect(bed.fake.requests.at(-1)).toEqual({
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
    await engine().synthesize(input('Hello there.', { voice: 'nova' }));
    expect(bed.fake.requests.at(-1)).toMatchObject({ voice: 'nova' });
    expect((await engine().voices()).map((v) => v.id)).toContain('shimmer');
  });

  itMapsFailures(
    bed,
    () => engine({ timeoutMs: 300 }).synthesize(input(TEXT)),
    [...COMMON_FAILURES, ['quota', UserError, 'provider_quota']],
    2000,
  );

  it('refuses a wrong key, an unknown voice and a text over 4096 characters', async () => {
    await expect(engine({ apiKey: 'sk-wrong' }).synthesize(input(TEXT))).rejects.toMatchObject({
      code: 'provider_auth',
    });
    await expect(engine().synthesize(input(TEXT, { voice: 'robot' }))).rejects.toMatchObject({
      code: 'provider_rejected',
      message: expect.stringContaining('Invalid voice') as string,
    });
    const sent = bed.fake.requests.length;
    await expect(engine().synthesize(input('word '.repeat(1000)))).rejects.toMatchObject({
      code: 'voice_text_too_long',
    });
    expect(bed.fake.requests.length).toBe(sent);
  });

  it('rethrows the caller’s abort instead of reporting a provider failure', async () => {
    bed.fake.failNext('hang');
    const controller = new AbortController();
    const pending = engine().synthesize(input(TEXT), controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports an unreachable server as transient', async () => {
    const closed = await startOpenAiTtsFake({ apiKey: 'x' });
    await closed.close();
    await expect(engine({ baseUrl: closed.baseUrl }).synthesize(input(TEXT))).rejects.toMatchObject({
      code: 'ai_unreachable',
    });
  });
});
