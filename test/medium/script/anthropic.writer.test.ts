import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/domain/content.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { AnthropicWriter } from '../../../src/adapters/ai/script/anthropic.writer.js';
import { startAnthropicFake, type RunningMessagesFake } from '../../../sandbox/ai/anthropic/server.js';

const KEY = 'sk-ant-test';

// A 30 s brief's word target.
const LENGTH = { targetWords: 72 };
const brief: Brief = {
  topic: 'Houseplants for beginners',
  keyPoints: [],
  audience: '',
  tone: 'calm',
  language: 'de',
  durationSeconds: 45,
  stylePreset: 'clean',
  palette: [],
  font: 'Inter',
  platforms: ['youtube'],
  voice: 'none',
  captionStyle: 'clean',
  music: 'none',
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

type Sent = {
  role: string;
  content:
    string | { type: string; id?: string; tool_use_id?: string; is_error?: boolean; content?: string }[];
};

describe('AnthropicWriter against the local Messages API fake', () => {
  let fake: RunningMessagesFake;
  const writer = (overrides: { apiKey?: string; model?: string; timeoutMs?: number } = {}) =>
    new AnthropicWriter({ baseUrl: fake.baseUrl, apiKey: KEY, model: 'claude-haiku-4-5', ...overrides });

  beforeAll(async () => {
    fake = await startAnthropicFake({ apiKeys: [KEY], retryAfterSeconds: 5, slowMs: 300 });
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.behave('valid');
  });

  it('forces the write_script tool and reads its input', async () => {
    const script = await writer().write(brief, LENGTH);
    expect(script).toMatchObject({ writer: 'anthropic:claude-haiku-4-5', language: 'de' });
    expect(script.hook).toContain('Houseplants for beginners');
    const [request] = fake.requests;
    expect(request?.headers['x-api-key']).toBe(KEY);
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.body).toMatchObject({
      model: 'claude-haiku-4-5',
      tool_choice: { type: 'tool', name: 'write_script' },
      tools: [{ name: 'write_script', input_schema: { type: 'object', additionalProperties: false } }],
    });
    expect(typeof request?.body.system).toBe('string');
    expect(request?.body.max_tokens).toBeGreaterThan(0);
  });

  it('repairs with a tool_result marked as an error that answers the tool call', async () => {
    fake.behave('invalid-then-valid');
    const script = await writer().write(brief, LENGTH);
    expect(script.beats.length).toBeGreaterThanOrEqual(3);
    expect(fake.requests).toHaveLength(2);
    const messages = fake.requests[1]?.body.messages as Sent[];
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const [call] = messages[1]?.content as { type: string; id: string }[];
    const [result] = messages[2]?.content as {
      type: string;
      tool_use_id: string;
      is_error: boolean;
      content: string;
    }[];
    expect(call?.type).toBe('tool_use');
    expect(result).toMatchObject({ type: 'tool_result', tool_use_id: call?.id, is_error: true });
    expect(result?.content).toMatch(/- beats: /);
  });

  it('repairs an answer without a tool call with a plain text request', async () => {
    fake.enqueue('text-only');
    await writer().write(brief, LENGTH);
    const messages = fake.requests[1]?.body.messages as Sent[];
    expect(messages[2]?.content).toEqual([
      {
        type: 'text',
        text: expect.stringMatching(/did not call the write_script tool\. It was cut off/) as string,
      },
    ]);
  });

  it('gives up with script_invalid after exactly one repair', async () => {
    fake.behave('always-invalid');
    const error = await rejection(writer().write(brief, LENGTH));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'script_invalid' });
    expect(fake.requests).toHaveLength(2);
  });

  it('maps a refused key to provider_auth', async () => {
    const error = await rejection(writer({ apiKey: 'sk-ant-wrong' }).write(brief, LENGTH));
    expect(error).toMatchObject({ kind: 'validation', code: 'provider_auth' });
    expect((error as Error).message).toMatch(/invalid x-api-key.*ANTHROPIC_API_KEY/);
  });

  it.each([
    ['rate-limited', 'ai_rate_limited', 5000],
    ['server-error', 'ai_unavailable', undefined],
    ['overloaded', 'ai_unavailable', undefined],
  ] as const)('maps %s to a TransientError', async (step, code, retryAfterMs) => {
    fake.enqueue(step);
    const error = await rejection(writer().write(brief, LENGTH));
    expect(error).toBeInstanceOf(TransientError);
    expect(error).toMatchObject({ code, retryAfterMs });
  });

  it('times out a hanging server, and waits for a slow one', async () => {
    fake.enqueue('hang');
    expect(await rejection(writer({ timeoutMs: 300 }).write(brief, LENGTH))).toMatchObject({
      code: 'ai_timeout',
    });
    fake.enqueue('slow');
    expect((await writer({ timeoutMs: 5000 }).write(brief, LENGTH)).beats.length).toBeGreaterThanOrEqual(3);
  });

  it('reports an unknown model as provider_rejected', async () => {
    const error = await rejection(writer({ model: 'claude-unknown' }).write(brief, LENGTH));
    expect(error).toMatchObject({ code: 'provider_rejected' });
    expect((error as Error).message).toMatch(/404.*claude-unknown/);
  });
});
