import { afterAll, describe, expect, it } from 'vitest';
import { buildAnthropicFake } from '../../../sandbox/ai/anthropic/server.js';
import { strictSchema } from './support.js';

describe('the Anthropic fake', () => {
  const fake = buildAnthropicFake({ apiKeys: ['sk-ant-good'] });
  afterAll(() => fake.app.close());
  const headers = { 'x-api-key': 'sk-ant-good', 'anthropic-version': '2023-06-01' };
  const post = (body: unknown, h: Record<string, string> = headers) =>
    fake.app.inject({ method: 'POST', url: '/v1/messages', headers: h, payload: body as object });
  const tool = { name: 'make_thing', description: 'x', input_schema: strictSchema };
  const base = {
    model: 'claude-haiku-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: 'Topic: Tide pools' }],
    tools: [tool],
    tool_choice: { type: 'tool', name: 'make_thing' },
  };

  it('answers a message with a tool_use block whose input matches the tool’s schema', async () => {
    const response = await post(base);
    expect(response.statusCode).toBe(200);
    expect(response.headers['request-id']).toMatch(/^req_/);
    const body = response.json<{
      content: { type: string; id: string; input: { title: string; items: string[] } }[];
    }>();
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: expect.any(Number) as number },
    });
    expect(body.content[0]).toMatchObject({ type: 'tool_use', name: 'make_thing' });
    expect(body.content[0]?.id).toMatch(/^toolu_/);
    expect(body.content[0]?.input.title).toContain('Tide pools');
  });

  it('answers with text when no tool is forced', async () => {
    const { tools: _tools, tool_choice: _choice, ...plain } = base;
    const response = await post(plain);
    expect(response.json()).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text' }] });
  });

  it('accepts a tool_result that answers the previous tool_use', async () => {
    const response = await post({
      ...base,
      messages: [
        ...base.messages,
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'make_thing', input: {} }] },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_1', is_error: true, content: 'fix it' }],
        },
      ],
    });
    expect(response.statusCode).toBe(200);
  });

  it.each<[string, unknown, Record<string, string>, number, string, RegExp]>([
    [
      'no key',
      base,
      { 'anthropic-version': '2023-06-01' },
      401,
      'authentication_error',
      /x-api-key header is required/,
    ],
    [
      'a wrong key',
      base,
      { ...headers, 'x-api-key': 'nope' },
      401,
      'authentication_error',
      /invalid x-api-key/,
    ],
    ['no version', base, { 'x-api-key': 'sk-ant-good' }, 400, 'invalid_request_error', /anthropic-version/],
    [
      'no max_tokens',
      { ...base, max_tokens: undefined },
      headers,
      400,
      'invalid_request_error',
      /max_tokens: Field required/,
    ],
    ['an unknown model', { ...base, model: 'claude-x' }, headers, 404, 'not_found_error', /model: claude-x/],
    [
      'a bad role',
      { ...base, messages: [{ role: 'system', content: 'x' }] },
      headers,
      400,
      'invalid_request_error',
      /role/,
    ],
    [
      'a forced tool that is not offered',
      { ...base, tool_choice: { type: 'tool', name: 'other' } },
      headers,
      400,
      'invalid_request_error',
      /not found/,
    ],
    [
      'a tool schema that is not an object',
      { ...base, tools: [{ name: 'make_thing', input_schema: { type: 'string' } }] },
      headers,
      400,
      'invalid_request_error',
      /input_schema.type/,
    ],
    [
      'a tool_use left unanswered',
      {
        ...base,
        messages: [
          ...base.messages,
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: 'toolu_9', name: 'make_thing', input: {} }],
          },
          { role: 'user', content: 'again' },
        ],
      },
      headers,
      400,
      'invalid_request_error',
      /without `tool_result`.*toolu_9/,
    ],
    [
      'a tool_result for no tool_use',
      {
        ...base,
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'x' }] },
        ],
      },
      headers,
      400,
      'invalid_request_error',
      /unexpected `tool_use_id`/,
    ],
  ])('refuses %s with the real envelope', async (_name, body, h, status, type, message) => {
    const response = await post(body, h);
    expect(response.statusCode).toBe(status);
    const json = response.json<{
      type: string;
      error: { type: string; message: string };
      request_id: string;
    }>();
    expect(json).toMatchObject({ type: 'error', error: { type } });
    expect(json.error.message).toMatch(message);
    expect(json.request_id).toMatch(/^req_/);
  });

  it('scripts failures in order: 429 with retry-after, then 529, then a valid answer', async () => {
    fake.enqueue('rate-limited', 'overloaded');
    const limited = await post(base);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    expect(limited.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
    expect((await post(base)).json()).toMatchObject({ error: { type: 'overloaded_error' } });
    expect((await post(base)).statusCode).toBe(200);
  });
});
