import { UserError } from '../../../../domain/errors.js';
import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../../ports/voice-engine.js';
import { pcmDurationMs, soundBounds } from '../../../audio/pcm.js';
import { decodeWav, type PcmAudio } from '../../../audio/wav.js';
import { aiFetch, aiUrl, errorDetail, errorEnvelope, jsonBody, throwForStatus } from '../../http.js';
import { estimateTimings } from '../timings.js';
import {
  badAnswer,
  requireWords,
  voiceOrDefault,
  writeVoiceWav,
  type SynthesisInput,
} from '../voice-output.js';

export interface OpenAiTtsOptions {
  /** e.g. https://api.openai.com/v1 (any OpenAI-compatible server). */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** The voice used for "default". */
  defaultVoice: string;
  timeoutMs?: number;
}

/** OpenAI's built-in voices (the speech endpoint has no list call). */
export const OPENAI_TTS_VOICES = [
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
const MAX_INPUT_CHARS = 4096;
const PROVIDER = 'OpenAI text-to-speech';

/**
 * OpenAI text to speech. It returns audio only: word timings are estimated from where sound starts and ends,
 * shared between words by syllables, which the engine id says.
 */
export class OpenAiTtsEngine implements VoiceEngine {
  readonly id: string;
  readonly offline = false;

  constructor(private readonly options: OpenAiTtsOptions) {
    this.id = `openai-tts:${options.model} (estimated timings)`;
  }

  /** The built-in voices; they speak every language the model knows, detected from the text. */
  async voices(): Promise<VoiceInfo[]> {
    return OPENAI_TTS_VOICES.map((v) => ({
      id: v,
      name: v.charAt(0).toUpperCase() + v.slice(1),
      languages: ['*'],
    }));
  }

  /** Speaks the text (the model detects its language); "default" uses the configured voice. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    const words = requireWords(input.text, input.language);
    if (input.text.length > MAX_INPUT_CHARS) {
      throw new UserError(
        'validation',
        'voice_text_too_long',
        `OpenAI speaks at most ${MAX_INPUT_CHARS} characters at once; this text has ${input.text.length}`,
      );
    }
    const voice = voiceOrDefault(input.voice, this.options.defaultVoice);
    const response = await aiFetch(
      aiUrl(this.options.baseUrl, '/audio/speech'),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.apiKey}` },
        json: { model: this.options.model, input: input.text, voice, response_format: 'wav' },
      },
      { provider: PROVIDER, timeoutMs: this.options.timeoutMs, signal },
    );
    if (response.status === 429 && errorEnvelope(jsonBody(response))?.code === 'insufficient_quota') {
      // Same status as a rate limit, but waiting does not help: the account is out of credit.
      throw new UserError('validation', 'provider_quota', `${PROVIDER}: the account has no credit left`);
    }
    throwForStatus(response, PROVIDER, errorDetail(response), 'OPENAI_TTS_API_KEY');
    const pcm = readAudio(response.body);
    const durationMs = pcmDurationMs(pcm);
    const wavPath = await writeVoiceWav(input.outDir, 'openai', pcm);
    return { wavPath, durationMs, words: estimateTimings(words, soundBounds(pcm)) };
  }
}

function readAudio(body: Buffer): PcmAudio {
  let pcm: PcmAudio;
  try {
    pcm = decodeWav(body);
  } catch (error) {
    throw badAnswer(PROVIDER, error instanceof Error ? error.message : 'unreadable audio');
  }
  if (pcm.samples.length === 0) throw badAnswer(PROVIDER, 'the audio is empty');
  return pcm;
}
