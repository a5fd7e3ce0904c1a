import type { FastifyReply } from 'fastify';
import { fakeApp, listenLocally, type Listening } from '../fake-server.js';
import { fakeSpeech, s16leBytes, type FakeFailure, type FakeSpeech } from '../openai-tts/fake-speech.js';

/**
 * A local stand-in for ElevenLabs, written from the public API reference: POST
 * /v1/text-to-speech/{voice_id}/with-timestamps?output_format=pcm_… with the xi-api-key header, answering
 * `{ audio_base64, alignment, normalized_alignment }` (characters with start/end seconds), GET /v1/voices, and the
 * error shapes `{ detail: { status, message } }` and FastAPI's `{ detail: [{ loc, msg, type }] }` (422).
 */
export interface ElevenLabsFake extends Listening {
  failNext(...failures: FakeFailure[]): void;
  requests: { voiceId: string; outputFormat: string; body: Record<string, unknown> }[];
}

const VOICES = [
  {
    voice_id: '21m00Tcm4TlvDq8gsUzs',
    name: 'Rachel',
    category: 'premade',
    labels: { accent: 'american', gender: 'female' },
  },
  {
    voice_id: 'pNInz6obpgDQGcFmaJgB',
    name: 'Adam',
    category: 'premade',
    labels: { accent: 'american', gender: 'male' },
  },
];
const MODELS = ['eleven_multilingual_v2', 'eleven_flash_v2_5', 'eleven_turbo_v2_5', 'eleven_v3'];
const LANGUAGE_CODE_MODELS = ['eleven_flash_v2_5', 'eleven_turbo_v2_5'];
const PCM_RATES: Record<string, number> = {
  pcm_16000: 16_000,
  pcm_22050: 22_050,
  pcm_24000: 24_000,
  pcm_44100: 44_100,
};

/** Starts the fake on 127.0.0.1 at a free port. */
export async function startElevenLabsFake(options: { apiKey: string }): Promise<ElevenLabsFake> {
  const failures: FakeFailure[] = [];
  const requests: ElevenLabsFake['requests'] = [];
  const app = fakeApp();

  app.addHook('onRequest', async (request, reply) => {
    const key = request.headers['xi-api-key'];
    if (key !== options.apiKey) {
      return detailError(reply, 401, key ? 'invalid_api_key' : 'needs_authorization', 'Invalid API key');
    }
  });

  app.post('/v1/text-to-speech/:voiceId/with-timestamps', async (request, reply) => {
    const { voiceId } = request.params as { voiceId: string };
    const outputFormat =
      (request.query as Record<string, string | undefined>).output_format ?? 'mp3_44100_128';
    const body = (request.body ?? {}) as Record<string, unknown>;
    requests.push({ voiceId, outputFormat, body });
    const failure = failures.shift();
    if (failure === 'hang') return reply.hijack();
    if (failure === 401) return detailError(reply, 401, 'invalid_api_key', 'Invalid API key');
    if (failure === 'quota') {
      return detailError(
        reply,
        401,
        'quota_exceeded',
        'This request exceeds your quota of 10000 characters.',
      );
    }
    if (failure === 429) {
      void reply.header('retry-after', '1');
      return detailError(reply, 429, 'too_many_concurrent_requests', 'Too many concurrent requests.');
    }
    if (failure === 500 || failure === 503)
      return detailError(reply, failure, 'internal_error', 'Something went wrong.');
    if (typeof body.text !== 'string' || body.text.trim() === '') {
      return reply
        .code(422)
        .send({ detail: [{ loc: ['body', 'text'], msg: 'field required', type: 'value_error.missing' }] });
    }
    const model = typeof body.model_id === 'string' ? body.model_id : 'eleven_multilingual_v2';
    if (!MODELS.includes(model))
      return detailError(reply, 400, 'model_not_found', `Model ${model} does not exist.`);
    if (body.language_code !== undefined && !LANGUAGE_CODE_MODELS.includes(model)) {
      return detailError(
        reply,
        400,
        'unsupported_language',
        `Model ${model} does not support language_code.`,
      );
    }
    if (!VOICES.some((v) => v.voice_id === voiceId)) {
      return detailError(
        reply,
        400,
        'voice_not_found',
        `A voice with the voice_id ${voiceId} was not found.`,
      );
    }
    const sampleRate = PCM_RATES[outputFormat];
    if (!sampleRate)
      return detailError(
        reply,
        400,
        'invalid_output_format',
        `The fake serves pcm_* only, not ${outputFormat}.`,
      );
    const speech = fakeSpeech(body.text, sampleRate);
    const alignment = characterAlignment(body.text, speech);
    if (failure === 'bad-answer')
      return { audio_base64: s16leBytes(speech.samples).toString('base64'), alignment: null };
    return {
      audio_base64: s16leBytes(speech.samples).toString('base64'),
      alignment,
      normalized_alignment: alignment,
    };
  });

  app.get('/v1/voices', async () => ({ voices: VOICES }));

  return listenLocally({ app, failNext: (...next: FakeFailure[]) => failures.push(...next), requests });
}

/** One entry per character (code point) of the text: a word's characters share its hum; others take no time. */
function characterAlignment(text: string, speech: FakeSpeech) {
  const characters: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  let lastEnd = 0;
  for (const character of text) {
    const word = speech.words.find((w) => offset >= w.index && offset < w.index + w.text.length);
    if (word) {
      const letters = [...word.text].length;
      const position = [...word.text.slice(0, offset - word.index)].length;
      const each = (word.endS - word.startS) / letters;
      starts.push(round(word.startS + position * each));
      ends.push(round(word.startS + (position + 1) * each));
      lastEnd = ends.at(-1) ?? lastEnd;
    } else {
      starts.push(round(lastEnd));
      ends.push(round(lastEnd));
    }
    characters.push(character);
    offset += character.length;
  }
  return { characters, character_start_times_seconds: starts, character_end_times_seconds: ends };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function detailError(reply: FastifyReply, code: number, status: string, message: string): FastifyReply {
  return reply.code(code).send({ detail: { status, message } });
}
