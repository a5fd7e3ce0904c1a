import { UserError } from '../../../../domain/errors.js';
import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../../ports/voice-engine.js';
import { pcmDurationMs } from '../../../audio/pcm.js';
import { pcmFromS16le } from '../../../audio/wav.js';
import { aiFetch, aiUrl, errorDetail, jsonBody, throwForStatus, type AiResponse } from '../../http.js';
import { completeTimings } from '../timings.js';
import {
  badAnswer,
  requireWords,
  voiceOrDefault,
  writeVoiceWav,
  type SynthesisInput,
} from '../voice-output.js';
import { readAlignment, spansFromAlignment } from './elevenlabs-alignment.js';

export interface ElevenLabsOptions {
  /** e.g. https://api.elevenlabs.io */
  baseUrl: string;
  apiKey: string;
  modelId: string;
  /** The voice id used for "default". */
  defaultVoiceId: string;
  timeoutMs?: number;
}

const PROVIDER = 'ElevenLabs';
const SAMPLE_RATE = 22_050;
// Only these models accept language_code; the others detect the language and reject the field.
const LANGUAGE_CODE_MODELS = /turbo_v2_5|flash_v2_5/;

/** ElevenLabs text to speech with character timestamps, grouped into words. */
export class ElevenLabsEngine implements VoiceEngine {
  readonly id: string;
  readonly offline = false;

  constructor(private readonly options: ElevenLabsOptions) {
    this.id = `elevenlabs:${options.modelId}`;
  }

  /** The account's voices (GET /v1/voices); multilingual models speak every language with each. */
  async voices(): Promise<VoiceInfo[]> {
    const response = await this.call('GET', '/v1/voices', undefined);
    const voices = (jsonBody(response) as { voices?: unknown } | null)?.voices;
    if (!Array.isArray(voices)) throw badAnswer(PROVIDER, 'no voices array');
    return voices.flatMap((v: { voice_id?: unknown; name?: unknown }) =>
      typeof v.voice_id === 'string'
        ? [{ id: v.voice_id, name: typeof v.name === 'string' ? v.name : v.voice_id, languages: ['*'] }]
        : [],
    );
  }

  /** Speaks the text; "default" uses the configured voice id. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    const words = requireWords(input.text, input.language);
    const voiceId = voiceOrDefault(input.voice, this.options.defaultVoiceId);
    const language = input.language.split(/[-_]/)[0]?.toLowerCase();
    const body = {
      text: input.text,
      model_id: this.options.modelId,
      ...(LANGUAGE_CODE_MODELS.test(this.options.modelId) && language ? { language_code: language } : {}),
    };
    const path = `/v1/text-to-speech/${encodeURIComponent(voiceId)}/with-timestamps?output_format=pcm_${SAMPLE_RATE}`;
    const answer = jsonBody(await this.call('POST', path, body, signal)) as Record<string, unknown> | null;
    if (typeof answer?.audio_base64 !== 'string') throw badAnswer(PROVIDER, 'no audio_base64');
    const pcm = pcmFromS16le(Buffer.from(answer.audio_base64, 'base64'), SAMPLE_RATE);
    if (pcm.samples.length === 0) throw badAnswer(PROVIDER, 'the audio is empty');
    const alignment = readAlignment(answer.alignment);
    if (!alignment) throw badAnswer(PROVIDER, 'no character alignment');
    const durationMs = pcmDurationMs(pcm);
    const wavPath = await writeVoiceWav(input.outDir, 'elevenlabs', pcm);
    return {
      wavPath,
      durationMs,
      words: completeTimings(words, spansFromAlignment(words, alignment), durationMs),
    };
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    json: unknown,
    signal?: AbortSignal,
  ): Promise<AiResponse> {
    const response = await aiFetch(
      aiUrl(this.options.baseUrl, path),
      { method, headers: { 'xi-api-key': this.options.apiKey, accept: 'application/json' }, json },
      { provider: PROVIDER, timeoutMs: this.options.timeoutMs, signal },
    );
    const detail = (jsonBody(response) as { detail?: unknown } | null)?.detail;
    if (response.status === 401 && detailStatus(detail) === 'quota_exceeded') {
      throw new UserError(
        'validation',
        'provider_quota',
        `${PROVIDER}: the account has no characters left this month`,
      );
    }
    throwForStatus(
      response,
      PROVIDER,
      errorDetail(response, () => detailMessage(detail)),
      'ELEVENLABS_API_KEY',
    );
    return response;
  }
}

/** ElevenLabs errors: `{ detail: { status, message } }`, or FastAPI's `{ detail: [{ msg }] }` for validation. */
function detailStatus(detail: unknown): unknown {
  return typeof detail === 'object' && detail !== null && 'status' in detail ? detail.status : undefined;
}

function detailMessage(detail: unknown): unknown {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) return detail.map((d: { msg?: unknown }) => String(d.msg)).join('; ');
  return typeof detail === 'object' && detail !== null && 'message' in detail ? detail.message : undefined;
}
