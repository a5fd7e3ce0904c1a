import { afterAll, describe, expect, it } from 'vitest';
import { buildOpenAICompatibleFake } from '../../../sandbox/ai/openai-compatible/server.js';
import { strictSchema } from './support.js';

describe('the OpenAI-compatible fake', () => {
  const fake = buildOpenAICompatibleFake({ apiKeys: ['sk-good-key-1234'] });
  afterAll(() => fake.app.close());
  const post = (
    body: unknown,
    headers: Record<string, string> = { authorization: 'Bearer sk-good-key-1234' },
  ) => fake.app.inject({ method: 'POST', url: '/v1/chat/completions', headers, payload: body as object });
  const chat = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Topic: Tide pools\nWrite it.' }],
  };

  it('answers a chat.completion with JSON matching the requested schema, about the prompt’s topic', async () => {
    const response = await post({
      ...chat,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'thing', strict: true, schema: strictSchema },
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      object: string;
      choices: { message: { content: string }; finish_reason: string }[];
      usage: object;
    }>();
    expect(body).toMatchObject({
      object: 'chat.completion',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', refusal: null } }],
    });
    expect(body.usage).toHaveProperty('total_tokens');
    const content = JSON.parse(body.choices[0]?.message.content ?? '') as { title: string; items: string[] };
    expect(content.title).toContain('Tide pools');
    expect(content.items).toHaveLength(2);
  });

  it.each<[string, unknown, Record<string, string> | undefined, number, object]>([
    ['no key', chat, {}, 401, { type: 'invalid_request_error', code: null }],
    [
      'a wrong key',
      chat,
      { authorization: 'Bearer sk-bad-key-0000' },
      401,
      { code: 'invalid_api_key', message: expect.stringContaining('sk-***0000') as string },
    ],
    [
      'no model',
      { messages: chat.messages },
      undefined,
      400,
      { message: 'you must provide a model parameter' },
    ],
    ['an unknown model', { ...chat, model: 'gpt-nope' }, undefined, 404, { code: 'model_not_found' }],
    [
      'no messages',
      { model: 'gpt-4o-mini' },
      undefined,
      400,
      { code: 'missing_required_parameter', param: 'messages' },
    ],
    ['empty messages', { ...chat, messages: [] }, undefined, 400, { code: 'empty_array' }],
    [
      'a bad role',
      { ...chat, messages: [{ role: 'robot', content: 'x' }] },
      undefined,
      400,
      { param: 'messages[0].role' },
    ],
    [
      'a bad schema name',
      {
        ...chat,
        response_format: { type: 'json_schema', json_schema: { name: 'has space', schema: strictSchema } },
      },
      undefined,
      400,
      { param: 'response_format.json_schema.name' },
    ],
    [
      'a strict schema left open',
      {
        ...chat,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'x', strict: true, schema: { ...strictSchema, additionalProperties: true } },
        },
      },
      undefined,
      400,
      {
        code: 'invalid_json_schema',
        message: expect.stringContaining("'additionalProperties' is required") as string,
      },
    ],
    [
      'a strict schema with an optional property',
      {
        ...chat,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'x', strict: true, schema: { ...strictSchema, required: ['title'] } },
        },
      },
      undefined,
      400,
      { message: expect.stringContaining("Missing 'items'") as string },
    ],
    [
      'json_object without the word json',
      { ...chat, response_format: { type: 'json_object' } },
      undefined,
      400,
      { param: 'messages' },
    ],
  ])('refuses %s with the real envelope', async (_name, body, headers, status, error) => {
    const response = await post(body, headers);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: expect.objectContaining(error) as object });
    expect(Object.keys(response.json<{ error: object }>().error).sort()).toEqual([
      'code',
      'message',
      'param',
      'type',
    ]);
  });

  it('answers unreadable JSON and unknown paths in the same envelope', async () => {
    const bad = await fake.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: 'Bearer sk-good-key-1234', 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const missing = await fake.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { message: 'Invalid URL (GET /v1/nothing)' } });
  });
});
