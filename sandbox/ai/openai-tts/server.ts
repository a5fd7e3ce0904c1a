import type { FastifyReply } from 'fastify';
import { fakeApp, listenLocally, type Listening } from '../fake-server.js';
import { fakeSpeech, s16leBytes, wavBytes, type FakeFailure } from './fake-speech.js';

/**
 * A local stand-in for OpenAI's speech endpoint (POST /v1/audio/speech), written from the public API reference:
 * Bearer auth, the JSON body's fields and limits, binary audio answers, and OpenAI's error envelope
 * `{ error: { message, type, param, code } }`. Audio is a hum per word (see fake-speech.ts).
 */
/** A listening fake; its base URL ends in /v1 (the product appends /audio/speech). */
export interface OpenAiTtsFake extends Listening {
  /** Queues failures served to the next requests, in order. */
  failNext(...failures: FakeFailure[]): void;
  /** Bodies of the speech requests received. */
  requests: Record<string, unknown>[];
}

const MODELS = ['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts'];
const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
];
const FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'];
const SAMPLE_RATE = 24_000;
const MAX_INPUT = 4096;

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startOpenAiTtsFake(options: { apiKey: string }): Promise<OpenAiTtsFake> {
  const failures: FakeFailure[] = [];
  const requests: Record<string, unknown>[] = [];
  const app = fakeApp();

  app.post('/v1/audio/speech', async (request, reply) => {
    const auth = request.headers.authorization;
    if (!auth?.startsWith('Bearer ')) {
      return openAiError(reply, 401, "You didn't provide an API key.", 'invalid_request_error', null);
    }
    if (auth.slice(7) !== options.apiKey) return wrongKey(reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    requests.push(body);
    const failure = failures.shift();
    if (failure === 'hang') return reply.hijack();
    if (failure === 401) return wrongKey(reply);
    if (failure === 'quota') {
      const message = 'You exceeded your current quota, please check your plan and billing details.';
      return openAiError(reply, 429, message, 'insufficient_quota', 'insufficient_quota');
    }
    if (failure === 429) {
      void reply.header('retry-after', '2');
      return openAiError(reply, 429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded');
    }
    if (failure === 500 || failure === 503) {
      return openAiError(
        reply,
        failure,
        'The server had an error while processing your request.',
        'server_error',
        null,
      );
    }
    const invalid = validate(body);
    if (invalid)
      return openAiError(reply, 400, invalid.message, 'invalid_request_error', null, invalid.param);
    const format = typeof body.response_format === 'string' ? body.response_format : 'mp3';
    if (format !== 'wav' && format !== 'pcm') {
      return openAiError(
        reply,
        400,
        `The fake serves wav and pcm only, not ${format}`,
        'invalid_request_error',
        null,
      );
    }
    if (failure === 'bad-answer') return reply.type('audio/wav').send(Buffer.from('RIFF\0\0'));
    const speech = fakeSpeech(String(body.input), SAMPLE_RATE);
    // OpenAI streams its WAV, so the header's sizes are placeholders.
    return format === 'wav'
      ? reply.type('audio/wav').send(wavBytes(speech.samples, SAMPLE_RATE, true))
      : reply.type('audio/pcm').send(s16leBytes(speech.samples));
  });

  return listenLocally(
    { app, failNext: (...next: FakeFailure[]) => failures.push(...next), requests },
    { basePath: '/v1' },
  );
}

function validate(body: Record<string, unknown>): { message: string; param: string } | null {
  if (typeof body.model !== 'string' || !MODELS.includes(body.model)) {
    return { message: `Invalid model: ${show(body.model)}`, param: 'model' };
  }
  if (typeof body.input !== 'string' || body.input.length === 0) {
    return { message: "Missing required parameter: 'input'.", param: 'input' };
  }
  if (body.input.length > MAX_INPUT) {
    return { message: `'input' is too long: at most ${MAX_INPUT} characters.`, param: 'input' };
  }
  if (typeof body.voice !== 'string' || !VOICES.includes(body.voice)) {
    return { message: `Invalid voice: ${show(body.voice)}`, param: 'voice' };
  }
  if (body.response_format !== undefined && !FORMATS.includes(show(body.response_format))) {
    return { message: `Invalid response_format: ${show(body.response_format)}`, param: 'response_format' };
  }
  if (body.speed !== undefined && (typeof body.speed !== 'number' || body.speed < 0.25 || body.speed > 4)) {
    return { message: 'speed must be between 0.25 and 4.0', param: 'speed' };
  }
  return null;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function wrongKey(reply: FastifyReply): FastifyReply {
  return openAiError(reply, 401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
}

function openAiError(
  reply: FastifyReply,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): FastifyReply {
  return reply.code(status).send({ error: { message, type, param, code } });
}
