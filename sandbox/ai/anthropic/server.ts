import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { brokenSample, sampleFromSchema, topicOf } from '../openai-compatible/sample-answer.js';
import { messagesRequestProblem, type AnthropicErrorBody } from './validate.js';

/**
 * A local stand-in for Anthropic's Messages API (POST /v1/messages): `x-api-key` and `anthropic-version`
 * headers, request validation, `message` answers with content blocks (a `tool_use` block when a tool is
 * forced), and the `{ type: 'error', error: { type, message } }` envelope. Answers follow a script of steps.
 */

/** What the next request gets. */
export type MessagesStep =
  | 'valid' // the forced tool called with input matching its schema, written around the prompt's topic
  | 'text-only' // no tool call: a text block cut off at max_tokens
  | 'wrong-shape' // a tool call whose input breaks the schema (Anthropic does not enforce it)
  | 'unauthorized'
  | 'rate-limited' // 429 with retry-after
  | 'server-error' // 500 api_error
  | 'overloaded' // 529 overloaded_error
  | 'slow' // a valid answer after `slowMs`
  | 'hang'; // no answer at all

/** Named scenarios for tests. */
export type MessagesBehaviour =
  | 'valid'
  | 'invalid-then-valid'
  | 'always-invalid'
  | 'unauthorized'
  | 'rate-limited'
  | 'server-error'
  | 'slow'
  | 'hang';

export interface MessagesFakeOptions {
  apiKeys?: string[];
  models?: string[];
  retryAfterSeconds?: number;
  slowMs?: number;
}

export interface MessagesFake {
  app: FastifyInstance;
  /** Steps served to the next requests, in order; then the default step. */
  enqueue(...steps: MessagesStep[]): void;
  /** Sets the queue and default step for a named scenario. */
  behave(behaviour: MessagesBehaviour): void;
  /** Bodies and headers of every request that passed authentication and validation. */
  requests: { headers: Record<string, unknown>; body: Record<string, unknown> }[];
}

export interface RunningMessagesFake extends MessagesFake {
  /** The base URL setting (no /v1: the client appends /v1/messages). */
  baseUrl: string;
  close(): Promise<void>;
}

const VERSIONS = ['2023-06-01', '2023-01-01'];

/** Builds the fake's Fastify app (not listening). */
export function buildAnthropicFake(options: MessagesFakeOptions = {}): MessagesFake {
  const apiKeys = options.apiKeys ?? ['sk-ant-test'];
  const models = options.models ?? ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1'];
  const queue: MessagesStep[] = [];
  let fallback: MessagesStep = 'valid';
  const requests: MessagesFake['requests'] = [];
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.setErrorHandler((_error, _request, reply) =>
    sendError(reply, {
      status: 400,
      type: 'invalid_request_error',
      message: 'There was an issue with the format of your request: the body is not valid JSON',
    }),
  );
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, { status: 404, type: 'not_found_error', message: 'Not Found' }),
  );

  app.post('/v1/messages', async (request, reply) => {
    const key = request.headers['x-api-key'];
    if (typeof key !== 'string' || !key) {
      return sendError(reply, {
        status: 401,
        type: 'authentication_error',
        message: 'x-api-key header is required',
      });
    }
    if (!apiKeys.includes(key))
      return sendError(reply, { status: 401, type: 'authentication_error', message: 'invalid x-api-key' });
    const version = request.headers['anthropic-version'];
    if (typeof version !== 'string' || !version) {
      return sendError(reply, {
        status: 400,
        type: 'invalid_request_error',
        message: 'anthropic-version: header is required',
      });
    }
    if (!VERSIONS.includes(version)) {
      return sendError(reply, {
        status: 400,
        type: 'invalid_request_error',
        message: `anthropic-version: invalid version '${version}'`,
      });
    }
    const problem = messagesRequestProblem(request.body, models);
    if (problem) return sendError(reply, problem);
    const body = request.body as Record<string, unknown>;
    requests.push({ headers: { ...request.headers }, body });

    const step = queue.shift() ?? fallback;
    switch (step) {
      case 'hang':
        return reply.hijack();
      case 'unauthorized':
        return sendError(reply, { status: 401, type: 'authentication_error', message: 'invalid x-api-key' });
      case 'rate-limited':
        void reply.header('retry-after', String(options.retryAfterSeconds ?? 3));
        return sendError(reply, {
          status: 429,
          type: 'rate_limit_error',
          message:
            'This request would exceed the rate limit for your organization of 50 requests per minute.',
        });
      case 'server-error':
        return sendError(reply, { status: 500, type: 'api_error', message: 'Internal server error' });
      case 'overloaded':
        return sendError(reply, { status: 529, type: 'overloaded_error', message: 'Overloaded' });
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 1500));
        return message(reply, body, 'valid');
      default:
        return message(reply, body, step);
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
export async function startAnthropicFake(options: MessagesFakeOptions = {}): Promise<RunningMessagesFake> {
  const fake = buildAnthropicFake(options);
  const baseUrl = await fake.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...fake, baseUrl, close: () => fake.app.close() };
}

function message(
  reply: FastifyReply,
  body: Record<string, unknown>,
  step: 'valid' | 'text-only' | 'wrong-shape',
) {
  const messages = body.messages as { role: string; content: unknown }[];
  const topic = topicOf(textOf(messages.find((m) => m.role === 'user')?.content));
  const forced = forcedTool(body);
  const content =
    forced && step !== 'text-only'
      ? [
          {
            type: 'tool_use',
            id: `toolu_${randomBytes(12).toString('base64url')}`,
            name: forced.name,
            input:
              step === 'valid'
                ? sampleFromSchema(forced.input_schema, topic)
                : brokenSample(forced.input_schema, topic),
          },
        ]
      : [{ type: 'text', text: `Here is a short script about ${topic}. First, the hook` }];
  const inputTokens = Math.ceil(JSON.stringify(messages).length / 4);
  const outputTokens = Math.ceil(JSON.stringify(content).length / 4);
  void reply.header('request-id', `req_${randomBytes(12).toString('base64url')}`);
  return {
    id: `msg_${randomBytes(12).toString('base64url')}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content,
    stop_reason:
      content[0]?.type === 'tool_use' ? 'tool_use' : step === 'text-only' ? 'max_tokens' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: inputTokens, output_tokens: outputTokens },
  };
}

function forcedTool(body: Record<string, unknown>): { name: string; input_schema: unknown } | undefined {
  const choice = body.tool_choice as { type?: string; name?: string } | undefined;
  const tools = (body.tools ?? []) as { name: string; input_schema: unknown }[];
  if (choice?.type === 'tool') return tools.find((tool) => tool.name === choice.name);
  if (choice?.type === 'any') return tools[0];
  return undefined;
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((block) =>
      typeof (block as { text?: unknown }).text === 'string' ? (block as { text: string }).text : '',
    )
    .join('\n');
}

function sendError(reply: FastifyReply, error: AnthropicErrorBody) {
  const requestId = `req_${randomBytes(12).toString('base64url')}`;
  return reply
    .code(error.status)
    .header('request-id', requestId)
    .send({ type: 'error', error: { type: error.type, message: error.message }, request_id: requestId });
}
