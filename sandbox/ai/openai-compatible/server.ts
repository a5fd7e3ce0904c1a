import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { brokenSample, sampleFromSchema, topicOf } from './sample-answer.js';
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

/** Named scenarios for tests. */
export type ChatBehaviour =
  | 'valid'
  | 'invalid-then-valid'
  | 'always-invalid'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'slow'
  | 'hang';

export interface ChatFakeOptions {
  /** Accepted Bearer keys; an empty list accepts requests without a key (as Ollama does). */
  apiKeys?: string[];
  models?: string[];
  retryAfterSeconds?: number;
  slowMs?: number;
}

export interface ChatFake {
  app: FastifyInstance;
  /** Steps served to the next requests, in order; then the default step. */
  enqueue(...steps: ChatStep[]): void;
  /** Sets the queue and default step for a named scenario. */
  behave(behaviour: ChatBehaviour): void;
  /** Bodies and headers of every chat completion request that passed authentication. */
  requests: { headers: Record<string, unknown>; body: Record<string, unknown> }[];
}

export interface RunningChatFake extends ChatFake {
  /** The base URL setting (ends in /v1). */
  baseUrl: string;
  close(): Promise<void>;
}

/** Builds the fake's Fastify app (not listening). */
export function buildOpenAICompatibleFake(options: ChatFakeOptions = {}): ChatFake {
  const apiKeys = options.apiKeys ?? ['sk-test-openai'];
  const models = options.models ?? ['gpt-4o-mini', 'gpt-4o', 'llama3.1'];
  const queue: ChatStep[] = [];
  let fallback: ChatStep = 'valid';
  const requests: ChatFake['requests'] = [];
  const app = Fastify({ logger: false, forceCloseConnections: true });

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

    const step = queue.shift() ?? fallback;
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
        await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 1500));
        return completion(body, 'valid');
      default:
        return completion(body, step);
    }
  });

  return {
    app,
    requests,
    enqueue: (...steps) => queue.push(...steps),
    behave(behaviour) {
      queue.length = 0;
      fallback =
        behaviour === 'always-invalid'
          ? 'wrong-shape'
          : behaviour === 'invalid-then-valid'
            ? 'valid'
            : behaviour;
      if (behaviour === 'invalid-then-valid') queue.push('wrong-shape');
    },
  };
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startOpenAICompatibleFake(options: ChatFakeOptions = {}): Promise<RunningChatFake> {
  const fake = buildOpenAICompatibleFake(options);
  const address = await fake.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...fake, baseUrl: `${address}/v1`, close: () => fake.app.close() };
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

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '',
    )
    .join('\n');
}

function promptText(messages: unknown): string {
  return Array.isArray(messages)
    ? messages.map((m) => textOf((m as { content?: unknown }).content)).join('\n')
    : '';
}

/** The first user message holds the brief; later ones are follow-ups such as repair requests. */
function firstUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const user = messages.find((m) => (m as { role?: unknown }).role === 'user') as
    { content?: unknown } | undefined;
  return textOf(user?.content);
}
