import type { FastifyReply, FastifyRequest } from 'fastify';
import { fakeApp, listenLocally, type Listening } from '../fake-server.js';
import { fakeSpeech, wavBytes, type FakeFailure } from '../openai-tts/fake-speech.js';
import { parseSsml, timeOfMark } from './ssml.js';

/**
 * A local stand-in for Google Cloud Text-to-Speech v1beta1, written from the public REST reference:
 * POST /v1beta1/text:synthesize (API key as ?key= or an OAuth Bearer token; SynthesizeSpeechRequest with
 * input.text|input.ssml, voice.languageCode/name, audioConfig.audioEncoding, enableTimePointing), answering
 * `{ audioContent, timepoints, audioConfig }`, GET /v1beta1/voices, and Google's error envelope
 * `{ error: { code, message, status, details } }`.
 */
export interface GoogleTtsFake extends Listening {
  failNext(...failures: FakeFailure[]): void;
  requests: Record<string, unknown>[];
}

interface FakeVoice {
  name: string;
  languageCodes: string[];
  ssmlGender: 'FEMALE' | 'MALE';
  naturalSampleRateHertz: number;
}

const VOICES: FakeVoice[] = [
  ['en-US-Neural2-F', 'FEMALE'],
  ['en-US-Neural2-D', 'MALE'],
  ['en-GB-Neural2-A', 'FEMALE'],
  ['fr-FR-Neural2-A', 'FEMALE'],
  ['de-DE-Neural2-B', 'MALE'],
  ['es-ES-Neural2-A', 'FEMALE'],
  ['pt-BR-Neural2-A', 'FEMALE'],
].map(([name = '', ssmlGender]) => ({
  name,
  languageCodes: [name.split('-').slice(0, 2).join('-')],
  ssmlGender: ssmlGender === 'MALE' ? 'MALE' : 'FEMALE',
  naturalSampleRateHertz: 24_000,
}));

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Starts the fake on 127.0.0.1 at a free port; it accepts `apiKey` as ?key= and `accessToken` as Bearer. */
export async function startGoogleTtsFake(options: {
  apiKey: string;
  accessToken?: string;
}): Promise<GoogleTtsFake> {
  const failures: FakeFailure[] = [];
  const requests: Record<string, unknown>[] = [];
  const app = fakeApp();

  const authorize = (request: FastifyRequest, reply: FastifyReply): FastifyReply | null => {
    const key = (request.query as Record<string, string | undefined>).key;
    const bearer = request.headers.authorization?.replace(/^Bearer /, '');
    if (key !== undefined) {
      if (key === options.apiKey) return null;
      return googleError(reply, 400, 'API key not valid. Please pass a valid API key.', [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
        },
      ]);
    }
    if (bearer !== undefined) {
      if (options.accessToken && bearer === options.accessToken) return null;
      return googleError(reply, 401, 'Request had invalid authentication credentials.');
    }
    return googleError(
      reply,
      403,
      "Method doesn't allow unregistered callers. Please use API Key or other form of API consumer identity to call this API.",
    );
  };

  // '::' is a literal colon in a Fastify route.
  app.post('/v1beta1/text::synthesize', async (request, reply) => {
    const refused = authorize(request, reply);
    if (refused) return refused;
    const body = (request.body ?? {}) as Record<string, unknown>;
    requests.push(body);
    const failure = failures.shift();
    if (failure === 'hang') return reply.hijack();
    if (failure === 'quota')
      return googleError(reply, 429, 'Quota exceeded for quota metric Requests per minute.');
    if (typeof failure === 'number') {
      if (failure === 429) void reply.header('retry-after', '3');
      return googleError(
        reply,
        failure,
        failure === 401 ? 'Request had invalid authentication credentials.' : 'The service is busy.',
      );
    }
    const request_ = readRequest(body);
    if ('error' in request_) return googleError(reply, 400, request_.error);
    if (failure === 'bad-answer')
      return { audioContent: Buffer.from('not a wave').toString('base64'), timepoints: [] };
    const { text, marks } = request_.ssml ? parseSsml(request_.ssml) : { text: request_.text, marks: [] };
    const sampleRate = request_.sampleRate ?? request_.voice.naturalSampleRateHertz;
    const speech = fakeSpeech(text, sampleRate);
    return {
      audioContent: wavBytes(speech.samples, sampleRate).toString('base64'),
      ...(request_.timePointing
        ? { timepoints: marks.map((m) => ({ markName: m.name, timeSeconds: timeOfMark(speech, m.offset) })) }
        : {}),
      audioConfig: {
        audioEncoding: 'LINEAR16',
        speakingRate: 1,
        pitch: 0,
        volumeGainDb: 0,
        sampleRateHertz: sampleRate,
        effectsProfileId: [],
      },
    };
  });

  app.get('/v1beta1/voices', async (request, reply) => {
    const refused = authorize(request, reply);
    if (refused) return refused;
    const language = (request.query as Record<string, string | undefined>).languageCode;
    return { voices: VOICES.filter((v) => !language || v.languageCodes.some((c) => c.startsWith(language))) };
  });

  return listenLocally({ app, failNext: (...next: FakeFailure[]) => failures.push(...next), requests });
}

type ReadRequest =
  | { error: string }
  | { text: string; ssml: string | null; voice: FakeVoice; sampleRate: number | null; timePointing: boolean };

function readRequest(body: Record<string, unknown>): ReadRequest {
  const input = (body.input ?? {}) as { text?: unknown; ssml?: unknown };
  const voice = (body.voice ?? {}) as { languageCode?: unknown; name?: unknown };
  const audio = (body.audioConfig ?? {}) as { audioEncoding?: unknown; sampleRateHertz?: unknown };
  if ((typeof input.text === 'string') === (typeof input.ssml === 'string')) {
    return { error: 'Exactly one of input.text or input.ssml must be set.' };
  }
  if (typeof input.ssml === 'string' && !/^\s*<speak>[\s\S]*<\/speak>\s*$/.test(input.ssml)) {
    return { error: 'Invalid SSML: the document must be wrapped in <speak></speak>.' };
  }
  if (typeof voice.languageCode !== 'string' || !voice.languageCode)
    return { error: 'Voice language code is required.' };
  if (audio.audioEncoding !== 'LINEAR16') return { error: 'The fake serves audioEncoding LINEAR16 only.' };
  const code = voice.languageCode.toLowerCase();
  const chosen =
    typeof voice.name === 'string'
      ? VOICES.find((v) => v.name === voice.name)
      : VOICES.find((v) =>
          v.languageCodes.some((c) => c.toLowerCase() === code || c.toLowerCase().startsWith(`${code}-`)),
        );
  if (!chosen)
    return {
      error: `Voice '${typeof voice.name === 'string' ? voice.name : ''}' does not exist for language ${voice.languageCode}.`,
    };
  if (!chosen.languageCodes.some((c) => c.toLowerCase() === code || c.toLowerCase().startsWith(`${code}-`))) {
    return {
      error: `Requested language code '${voice.languageCode}' doesn't match the voice '${chosen.name}'.`,
    };
  }
  const timePointing =
    Array.isArray(body.enableTimePointing) && body.enableTimePointing.includes('SSML_MARK');
  return {
    text: typeof input.text === 'string' ? input.text : '',
    ssml: typeof input.ssml === 'string' ? input.ssml : null,
    voice: chosen,
    sampleRate: typeof audio.sampleRateHertz === 'number' ? audio.sampleRateHertz : null,
    timePointing,
  };
}

function googleError(reply: FastifyReply, code: number, message: string, details?: unknown[]): FastifyReply {
  return reply.code(code).send({
    error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN', ...(details ? { details } : {}) },
  });
}
