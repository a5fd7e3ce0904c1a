import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/domain/content.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { OpenAICompatibleWriter } from '../../../src/adapters/ai/script/openai-compatible.writer.js';
import { startOpenAICompatibleFake } from '../../../sandbox/ai/openai-compatible/server.js';
import { rejection } from '../../fakes/rejection.js';
import { itMapsTransientSteps, llmTestBed } from './support.js';

const KEY = 'sk-test-openai';

// A 30 s brief's word target.
const LENGTH = { targetWords: 72 };
const brief: Brief = {
  topic: 'Cold brew coffee at home',
  keyPoints: ['Use coarse ground coffee'],
  audience: 'busy parents',
  tone: 'friendly',
  language: 'en',
  durationSeconds: 30,
  stylePreset: 'clean',
  palette: [],
  font: 'Inter',
  platforms: ['tiktok'],
  voice: 'none',
  captionStyle: 'karaoke',
  music: 'none',
};

describe('OpenAICompatibleWriter against the local OpenAI-compatible fake', () => {
  const bed = llmTestBed(() =>
    startOpenAICompatibleFake({ apiKeys: [KEY], retryAfterSeconds: 7, slowMs: 400 }),
  );
  const writer = (overrides: { apiKey?: string; model?: string; timeoutMs?: number } = {}) =>
    new OpenAICompatibleWriter({
      baseUrl: bed.fake.baseUrl,
      apiKey: KEY,
      model: 'gpt-4o-mini',
      ...overrides,
    });

  it('asks for strict structured output and returns the validated script', async () => {
    const script = await writer().write(brief, LENGTH);
    expect(script.writer).toBe('openai:gpt-4o-mini');
    expect(script.language).toBe('en');
    expect(script.hook).toContain('Cold brew coffee at home');
    expect(script.beats.length).toBeGreaterThanOrEqual(3);
    expect(script.beats[0]?.visualCue).toContain('Cold brew coffee at home');
    const [request] = bed.fake.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.body).toMatchObject({
      model: 'gpt-4o-mini',
      response_format: { type: 'json_schema', json_schema: { name: 'short_video_script', strict: true } },
    });
    expect(request?.body.messages).toMatchObject([{ role: 'system' }, { role: 'user' }]);
  });

  it('repairs once: sends the answer back with the validation errors, then uses the corrected one', async () => {
    bed.fake.behave('invalid-then-valid');
    const script = await writer().write(brief, LENGTH);
    expect(script.beats.length).toBeGreaterThanOrEqual(3);
    expect(bed.fake.requests).toHaveLength(2);
    const messages = bed.fake.requests[1]?.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[2]?.content).toContain('"beats"');
    expect(messages[3]?.content).toMatch(/cannot be used:\n- hook: /);
    expect(messages[3]?.content).toMatch(/- beats: .*3/);
  });

  it('repairs prose that is not JSON', async () => {
    bed.fake.enqueue('not-json');
    await writer().write(brief, LENGTH);
    const messages = bed.fake.requests[1]?.body.messages as { content: string }[];
    expect(messages[3]?.content).toContain('not valid JSON');
  });

  it('gives up with script_invalid after exactly one repair', async () => {
    bed.fake.behave('always-invalid');
    const error = await rejection(writer().write(brief, LENGTH));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ kind: 'validation', code: 'script_invalid' });
    expect(bed.fake.requests).toHaveLength(2);
  });

  it('reports a refusal in plain words', async () => {
    bed.fake.enqueue('refusal');
    expect(await rejection(writer().write(brief, LENGTH))).toMatchObject({ code: 'script_refused' });
  });

  it('maps a refused key to provider_auth, naming the setting', async () => {
    const error = await rejection(writer({ apiKey: 'sk-wrong-key-123456' }).write(brief, LENGTH));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ kind: 'validation', code: 'provider_auth' });
    expect((error as Error).message).toMatch(/Incorrect API key provided.*OPENAI_API_KEY/);
    bed.fake.behave('unauthorized');
    expect(await rejection(writer().write(brief, LENGTH))).toMatchObject({ code: 'provider_auth' });
  });

  itMapsTransientSteps(bed, () => writer({ timeoutMs: 300 }).write(brief, LENGTH), [
    ['rate-limited', 'ai_rate_limited', 7000], // honours Retry-After
    ['server-error', 'ai_unavailable', undefined],
    ['hang', 'ai_timeout', undefined],
  ]);

  it('waits for a slow server', async () => {
    bed.fake.behave('slow');
    expect((await writer({ timeoutMs: 5000 }).write(brief, LENGTH)).beats.length).toBeGreaterThanOrEqual(3);
  });

  it('lets the caller cancel: the abort is not turned into a retryable error', async () => {
    bed.fake.behave('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by the job')), 100);
    const error = await rejection(writer({ timeoutMs: 5000 }).write(brief, LENGTH, controller.signal));
    expect(error).not.toBeInstanceOf(TransientError);
    expect((error as Error).message).toBe('cancelled by the job');
  });

  it('reports an unknown model as provider_rejected with the provider’s words', async () => {
    const error = await rejection(writer({ model: 'gpt-unknown' }).write(brief, LENGTH));
    expect(error).toMatchObject({ code: 'provider_rejected' });
    expect((error as Error).message).toMatch(/404.*does not exist/);
  });

  it('reports an unreachable server as a TransientError', async () => {
    const closed = await startOpenAICompatibleFake();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = await rejection(
      new OpenAICompatibleWriter({ baseUrl, model: 'gpt-4o-mini' }).write(brief, LENGTH),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code: 'ai_unreachable' });
  });

  it('works without a key against servers that need none (Ollama, vLLM)', async () => {
    const keyless = await startOpenAICompatibleFake({ apiKeys: [], models: ['llama3.1'] });
    try {
      const script = await new OpenAICompatibleWriter({ baseUrl: keyless.baseUrl, model: 'llama3.1' }).write(
        brief,
        LENGTH,
      );
      expect(script.writer).toBe('openai:llama3.1');
      expect(keyless.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await keyless.close();
    }
  });
});
