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
import {
  brokenSample,
  firstUserText,
  sampleFromSchema,
  topicOf,
} from '../openai-compatible/sample-answer.js';
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

export type MessagesFake = LlmFake<MessagesStep>;

/** A listening fake; its base URL has no /v1 (the client appends /v1/messages). */
export type RunningMessagesFake = MessagesFake & Listening;

const VERSIONS = ['2023-06-01', '2023-01-01'];

/** Builds the fake's Fastify app (not listening). */
export function buildAnthropicFake(options: LlmFakeOptions = {}): MessagesFake {
  const apiKeys = options.apiKeys ?? ['sk-ant-test'];
  const models = options.models ?? ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1'];
  const script = new StepScript<MessagesStep>();
  const requests: MessagesFake['requests'] = [];
  const app = fakeApp();

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

    const step = script.next();
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
        await pause(options.slowMs ?? 1500);
        return message(reply, body, 'valid');
      default:
        return message(reply, body, step);
    }
  });

  return { app, requests, enqueue: script.enqueue, behave: script.behave };
}

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startAnthropicFake(options: LlmFakeOptions = {}): Promise<RunningMessagesFake> {
  return listenLocally(buildAnthropicFake(options));
}

function message(
  reply: FastifyReply,
  body: Record<string, unknown>,
  step: 'valid' | 'text-only' | 'wrong-shape',
) {
  const messages = body.messages as { role: string; content: unknown }[];
  const topic = topicOf(firstUserText(messages));
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

function sendError(reply: FastifyReply, error: AnthropicErrorBody) {
  const requestId = `req_${randomBytes(12).toString('base64url')}`;
  return reply
    .code(error.status)
    .header('request-id', requestId)
    .send({ type: 'error', error: { type: error.type, message: error.message }, request_id: requestId });
}
