import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import { AnthropicWriter } from '../../../src/adapters/ai/script/anthropic.writer.js';
import { startAnthropicFake } from '../../../sandbox/ai/anthropic/server.js';
import { rejection } from '../../fakes/rejection.js';
import { itMapsTransientSteps, llmTestBed } from './support.js';

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

type Sent = {
  role: string;
  content:
    string | { type: string; id?: string; tool_use_id?: string; is_error?: boolean; content?: string }[];
};

describe('AnthropicWriter against the local Messages API fake', () => {
  const bed = llmTestBed(() => startAnthropicFake({ apiKeys: [KEY], retryAfterSeconds: 5, slowMs: 300 }));
  const writer = (overrides: { apiKey?: string; model?: string; timeoutMs?: number } = {}) =>
    new AnthropicWriter({ baseUrl: bed.fake.baseUrl, apiKey: KEY, model: 'claude-haiku-4-5', ...overrides });

  it('forces the write_script tool and reads its input', async () => {
    const script = await writer().write(brief, LENGTH);
    expect(script).toMatchObject({ writer: 'anthropic:claude-haiku-4-5', language: 'de' });
    expect(script.hook).toContain('Houseplants for beginners');
    const [request] = bed.fake.requests;
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
    bed.fake.behave('invalid-then-valid');
    const script = await writer().write(brief, LENGTH);
    expect(script.beats.length).toBeGreaterThanOrEqual(3);
    expect(bed.fake.requests).toHaveLength(2);
    const messages = bed.fake.requests[1]?.body.messages as Sent[];
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
    bed.fake.enqueue('text-only');
    await writer().write(brief, LENGTH);
    const messages = bed.fake.requests[1]?.body.messages as Sent[];
    expect(messages[2]?.content).toEqual([
      {
        type: 'text',
        text: expect.stringMatching(/did not call the write_script tool\. It was cut off/) as string,
      },
    ]);
  });

  it('gives up with script_invalid after exactly one repair', async () => {
    bed.fake.behave('always-invalid');
    const error = await rejection(writer().write(brief, LENGTH));
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'script_invalid' });
    expect(bed.fake.requests).toHaveLength(2);
  });

  it('maps a refused key to provider_auth', async () => {
    const error = await rejection(writer({ apiKey: 'sk-ant-wrong' }).write(brief, LENGTH));
    expect(error).toMatchObject({ kind: 'validation', code: 'provider_auth' });
    expect((error as Error).message).toMatch(/invalid x-api-key.*ANTHROPIC_API_KEY/);
  });

  itMapsTransientSteps(bed, () => writer({ timeoutMs: 300 }).write(brief, LENGTH), [
    ['rate-limited', 'ai_rate_limited', 5000],
    ['server-error', 'ai_unavailable', undefined],
    ['overloaded', 'ai_unavailable', undefined],
    ['hang', 'ai_timeout', undefined],
  ]);

  it('waits for a slow server', async () => {
    bed.fake.enqueue('slow');
    expect((await writer({ timeoutMs: 5000 }).write(brief, LENGTH)).beats.length).toBeGreaterThanOrEqual(3);
  });

  it('reports an unknown model as provider_rejected', async () => {
    const error = await rejection(writer({ model: 'claude-unknown' }).write(brief, LENGTH));
    expect(error).toMatchObject({ code: 'provider_rejected' });
    expect((error as Error).message).toMatch(/404.*claude-unknown/);
  });
});
