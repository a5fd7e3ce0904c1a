import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../../ports/voice-engine.js';
import { concatPcm, pcmDurationMs, soundBounds } from '../../../audio/pcm.js';
import { decodeWav, type PcmAudio } from '../../../audio/wav.js';
import {
  aiFetch,
  aiUrl,
  errorDetail,
  errorEnvelope,
  jsonBody,
  throwForStatus,
  type AiResponse,
} from '../../http.js';
import { completeTimings, estimateTimings } from '../timings.js';
import {
  badAnswer,
  requireWords,
  voiceOrDefault,
  writeVoiceWav,
  type SynthesisInput,
} from '../voice-output.js';
import {
  googleLanguageCode,
  markedSsmlParts,
  spansFromTimepoints,
  type GoogleTimepoint,
} from './google-ssml.js';

export interface GoogleTtsOptions {
  /** e.g. https://texttospeech.googleapis.com */
  baseUrl: string;
  /** An API key (sent as ?key=), or … */
  apiKey?: string;
  /** … an OAuth access token source (sent as a Bearer token). */
  accessToken?: () => Promise<string>;
  /** The voice for "default" (e.g. "en-US-Neural2-F"); empty: Google picks one for the language. */
  defaultVoice: string;
  timeoutMs?: number;
}

const PROVIDER = 'Google Text-to-Speech';

/** Google Cloud Text-to-Speech (v1beta1) with an SSML mark before each word, so timings come from the audio. */
export class GoogleTtsEngine implements VoiceEngine {
  readonly id = 'google-tts:v1beta1';
  readonly offline = false;

  constructor(private readonly options: GoogleTtsOptions) {}

  /** Google's voices (GET /v1beta1/voices). */
  async voices(): Promise<VoiceInfo[]> {
    const response = await this.call('GET', '/v1beta1/voices', undefined);
    const voices = (jsonBody(response) as { voices?: unknown } | null)?.voices;
    if (!Array.isArray(voices)) throw badAnswer(PROVIDER, 'no voices array');
    return voices.flatMap((v: { name?: unknown; languageCodes?: unknown; ssmlGender?: unknown }) =>
      typeof v.name === 'string' && Array.isArray(v.languageCodes)
        ? [
            {
              id: v.name,
              name: `${v.name} (${typeof v.ssmlGender === 'string' ? v.ssmlGender.toLowerCase() : 'voice'})`,
              languages: v.languageCodes.map(String),
            },
          ]
        : [],
    );
  }

  /** Speaks the text in the language; "default" uses the configured voice or lets Google choose. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    const words = requireWords(input.text, input.language);
    const name = voiceOrDefault(input.voice, this.options.defaultVoice);
    // A named voice fixes its language ("en-US-Neural2-F" speaks en-US); Google rejects a mismatch.
    const languageCode = name ? name.split('-').slice(0, 2).join('-') : googleLanguageCode(input.language);
    const pieces: Int16Array[] = [];
    const timepoints: GoogleTimepoint[] = [];
    let sampleRate = 0;
    let offsetS = 0;
    // Long texts go as several requests (Google takes 5000 bytes of SSML at most), joined end to end.
    for (const ssml of markedSsmlParts(input.text, words)) {
      const response = await this.call(
        'POST',
        '/v1beta1/text:synthesize',
        {
          input: { ssml },
          voice: name ? { languageCode, name } : { languageCode },
          audioConfig: { audioEncoding: 'LINEAR16' },
          enableTimePointing: ['SSML_MARK'],
        },
        signal,
      );
      const answer = readAnswer(jsonBody(response));
      if (sampleRate !== 0 && answer.pcm.sampleRate !== sampleRate)
        throw badAnswer(PROVIDER, 'sample rates differ');
      sampleRate = answer.pcm.sampleRate;
      timepoints.push(...answer.timepoints.map((p) => ({ ...p, timeSeconds: p.timeSeconds + offsetS })));
      pieces.push(answer.pcm.samples);
      offsetS += answer.pcm.samples.length / sampleRate;
    }
    const pcm = concatPcm(pieces, sampleRate);
    const durationMs = pcmDurationMs(pcm);
    const wavPath = await writeVoiceWav(input.outDir, 'google', pcm);
    // Some voices (Journey, Chirp) ignore marks: then timings are estimated from the sound, as for OpenAI.
    const timed =
      timepoints.length > 0
        ? completeTimings(words, spansFromTimepoints(words.length, timepoints, durationMs), durationMs)
        : estimateTimings(words, soundBounds(pcm));
    return { wavPath, durationMs, words: timed };
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    json: unknown,
    signal?: AbortSignal,
  ): Promise<AiResponse> {
    const url = new URL(aiUrl(this.options.baseUrl, path));
    const headers: Record<string, string> = {};
    if (this.options.accessToken) headers.authorization = `Bearer ${await this.options.accessToken()}`;
    else if (this.options.apiKey) url.searchParams.set('key', this.options.apiKey);
    const response = await aiFetch(
      url.toString(),
      { method, headers, json },
      { provider: PROVIDER, timeoutMs: this.options.timeoutMs, signal },
    );
    throwForGoogleStatus(response);
    return response;
  }
}

function throwForGoogleStatus(response: AiResponse): void {
  const details = errorEnvelope(jsonBody(response))?.details as { reason?: unknown }[] | undefined;
  // An invalid API key is a 400 INVALID_ARGUMENT whose reason says so: it is a credentials problem.
  const keyInvalid = response.status === 400 && details?.some((d) => d.reason === 'API_KEY_INVALID');
  throwForStatus(
    { ...response, status: keyInvalid ? 401 : response.status },
    PROVIDER,
    errorDetail(response),
    'GOOGLE_TTS_API_KEY or GOOGLE_TTS_ACCESS_TOKEN',
  );
}

function readAnswer(json: unknown): { pcm: PcmAudio; timepoints: GoogleTimepoint[] } {
  const answer = json as { audioContent?: unknown; timepoints?: unknown } | null;
  if (typeof answer?.audioContent !== 'string') throw badAnswer(PROVIDER, 'no audioContent');
  let pcm: PcmAudio;
  try {
    pcm = decodeWav(Buffer.from(answer.audioContent, 'base64'));
  } catch (error) {
    throw badAnswer(PROVIDER, error instanceof Error ? error.message : 'unreadable audio');
  }
  if (pcm.samples.length === 0) throw badAnswer(PROVIDER, 'the audio is empty');
  const points = answer.timepoints ?? [];
  if (!Array.isArray(points)) throw badAnswer(PROVIDER, 'timepoints is not a list');
  const timepoints = points.filter(
    (p: { markName?: unknown; timeSeconds?: unknown }): p is GoogleTimepoint =>
      typeof p.markName === 'string' && typeof p.timeSeconds === 'number' && Number.isFinite(p.timeSeconds),
  );
  if (timepoints.length !== points.length) throw badAnswer(PROVIDER, 'a time point has no mark name or time');
  return { pcm, timepoints };
}
