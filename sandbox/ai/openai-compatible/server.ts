import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import {
  fakeApp,
  listenLocally,
  pause,
  StepScript,
  type Listening,
  type LlmFake,
  type LlmFakeOptions,
} from '../fake-server.js';
import { brokenSample, firstUserText, sampleFromSchema, textOf, topicOf } from './sample-answer.js';
import { chatRequestProblem, type OpenAIErrorBody } from './validate.js';

/**
 * A local stand-in for OpenAI's Chat Completions API (POST /v1/chat/completions) as OpenAI, Ollama, vLLM,
 * OpenRouter and Gemini's compatible endpoint serve it: Bearer auth, request validation, `chat.completion`
 * answers and the `{ error: { message, type, param, code } }` envelope. Answers follow a script of steps.
 */

/** What the next request gets. */
export type ChatStep =
  | 'valid' // JSON matching the requested schema, written around the prompt's topic
  | 'not-json' // prose instead of JSON
  | 'wrong-shape' // JSON that breaks the requested schema (as servers without strict decoding may answer)
  | 'refusal' // a refusal instead of content
  | 'unauthorized'
  | 'rate-limited' // 429 with Retry-After
  | 'server-error' // 500
  | 'slow' // a valid answer after `slowMs`
  | 'hang'; // no answer at all

export type ChatFake = LlmFake<ChatStep>;

/** A listening fake; its base URL ends in /v1. */
export type RunningChatFake = ChatFake & Listening;

/**
 * Builds the fake's Fastify app (not listening). An empty `apiKeys` list accepts requests without a key, as Ollama
 * does.
 */
export function buildOpenAICompatibleFake(options: LlmFakeOptions = {}): ChatFake {
  const apiKeys = options.apiKeys ?? ['sk-test-openai'];
  const models = options.models ?? ['gpt-4o-mini', 'gpt-4o', 'llama3.1'];
  const script = new StepScript<ChatStep>();
  const requests: ChatFake['requests'] = [];
  const app = fakeApp();

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode === 415 ? 415 : 400;
    return sendError(reply, {
      status,
      message:
        status === 415
          ? 'Unsupported content type: the OpenAI API expects application/json.'
          : 'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, {
      status: 404,
      message: `Invalid URL (${request.method} ${request.url})`,
      type: 'invalid_request_error',
      param: null,
      code: null,
    }),
  );

  app.post('/v1/chat/completions', async (request, reply) => {
    const authProblem = checkBearer(request.headers.authorization, apiKeys);
    if (authProblem) return sendError(reply, authProblem);
    const problem = chatRequestProblem(request.body, models);
    if (problem) return sendError(reply, problem);
    const body = request.body as Record<string, unknown>;
    requests.push({ headers: { ...request.headers }, body });

    const step = script.next();
    switch (step) {
      case 'hang':
        return reply.hijack();
      case 'unauthorized':
        return sendError(reply, badKey('sk-...'));
      case 'rate-limited':
        void reply.header('retry-after', String(options.retryAfterSeconds ?? 3));
        return sendError(reply, {
          status: 429,
          message: `Rate limit reached for ${String(body.model)} on requests per min (RPM): Limit 3, Used 3, Requested 1.`,
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        });
      case 'server-error':
        return sendError(reply, {
          status: 500,
          message: 'The server had an error while processing your request. Sorry about that!',
          type: 'server_error',
          param: null,
          code: null,
        });
      case 'slow':
        await pause(options.slowMs ?? 1500);
        return completion(body, 'valid');
      default:
        return completion(body, step);
    }
  });

  return { app, requests, enqueue: script.enqueue, behave: script.behave };
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startOpenAICompatibleFake(options: LlmFakeOptions = {}): Promise<RunningChatFake> {
  return listenLocally(buildOpenAICompatibleFake(options), { basePath: '/v1' });
}

function completion(body: Record<string, unknown>, step: 'valid' | 'not-json' | 'wrong-shape' | 'refusal') {
  const prompt = promptText(body.messages);
  const topic = topicOf(firstUserText(body.messages) || prompt);
  const format = body.response_format as { type?: string; json_schema?: { schema?: unknown } } | undefined;
  const schema = format?.json_schema?.schema;
  let content: string | null;
  if (step === 'refusal') content = null;
  else if (step === 'not-json')
    content = `Sure! Here is a short script about ${topic}: start with a hook, then three tips.`;
  else if (format?.type === 'json_schema') {
    content = JSON.stringify(
      step === 'valid' ? sampleFromSchema(schema, topic) : brokenSample(schema, topic),
    );
  } else if (format?.type === 'json_object')
    content = JSON.stringify({ topic, text: `Something about ${topic}.` });
  else content = `A few words about ${topic}.`;
  const completionTokens = Math.ceil((content ?? '').length / 4);
  const promptTokens = Math.ceil(prompt.length / 4);
  return {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: step === 'refusal' ? "I'm sorry, I can't help with that request." : null,
          annotations: [],
        },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
    system_fingerprint: 'fp_sandbox',
  };
}

function checkBearer(header: string | undefined, apiKeys: string[]): OpenAIErrorBody | null {
  if (apiKeys.length === 0) return null;
  if (!header?.startsWith('Bearer ')) {
    return {
      status: 401,
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      type: 'invalid_request_error',
      param: null,
      code: null,
    };
  }
  const key = header.slice('Bearer '.length);
  return apiKeys.includes(key) ? null : badKey(key);
}

function badKey(key: string): OpenAIErrorBody {
  const masked = key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : '***';
  return {
    status: 401,
    message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_api_key',
  };
}

function sendError(reply: FastifyReply, error: OpenAIErrorBody) {
  const { status, ...envelope } = error;
  return reply.code(status).send({ error: envelope });
}

function promptText(messages: unknown): string {
  return Array.isArray(messages)
    ? messages.map((m) => textOf((m as { content?: unknown }).content)).join('\n')
    : '';
}
