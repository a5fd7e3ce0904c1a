import type { EspeakEvent, EspeakNGWorker } from '@echogarden/espeak-ng-emscripten';
import { UserError } from '../../../../domain/errors.js';
import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../../ports/voice-engine.js';
import { concatPcm, pcmDurationMs, silentPcm } from '../../../audio/pcm.js';
import { completeTimings, type TimeSpan } from '../timings.js';
import { isDefaultVoice, requireWords, writeVoiceWav, type SynthesisInput } from '../voice-output.js';
import { espeakChunks, spansFromEvents } from './espeak-chunks.js';
import { withEspeak } from './espeak-module.js';
import { espeakVoiceByName, espeakVoiceForLanguage, espeakVoiceInfos } from './espeak-voices.js';

/** The version of the eSpeak-NG WASM package; part of the engine id, so an upgrade re-renders voice-overs. */
export const ESPEAK_PACKAGE_VERSION = '0.3.5';
// eSpeak's default (175 words a minute) sounds hurried in a short video.
const WORDS_PER_MINUTE = 165;
// eSpeak ends a text without a pause; sentences synthesized one by one get the pause it makes between them.
const SENTENCE_PAUSE_MS = 300;

/** The offline default: eSpeak-NG compiled to WebAssembly, every language it ships, word timings from its events. */
export class EspeakVoiceEngine implements VoiceEngine {
  readonly id = `espeak-ng-wasm@${ESPEAK_PACKAGE_VERSION}`;
  readonly offline = true;
  /** Measured over the offline writer's scripts at 165 words a minute: sentence pauses slow it to about 3. */
  readonly wordsPerSecond = 3;

  /** Every eSpeak voice (one per language or accent). */
  async voices(): Promise<VoiceInfo[]> {
    return withEspeak(async (espeak) => espeakVoiceInfos(espeak.list_voices()));
  }

  /** Speaks the text sentence by sentence; "default" (or "") picks the best voice for the language. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    const words = requireWords(input.text, input.language);
    signal?.throwIfAborted();
    return withEspeak(async (espeak) => {
      const voice = pickVoice(espeak, input.voice, input.language);
      const pieces: Int16Array[] = [];
      const spans: (TimeSpan | null)[] = [];
      let offsetSamples = 0;
      const sampleRate = espeak.get_samplerate();
      const pause = silentPcm(SENTENCE_PAUSE_MS, sampleRate).samples;
      for (const chunk of espeakChunks(input.text, words)) {
        signal?.throwIfAborted();
        if (offsetSamples > 0) {
          pieces.push(pause);
          offsetSamples += pause.length;
        }
        const { audio, events } = speak(espeak, voice, chunk.ssml);
        const chunkMs = (audio.length * 1000) / sampleRate;
        const offsetMs = (offsetSamples * 1000) / sampleRate;
        spansFromEvents(chunk, events, chunkMs).forEach((span, k) => {
          spans[chunk.firstWord + k] = span && {
            startMs: span.startMs + offsetMs,
            endMs: span.endMs + offsetMs,
          };
        });
        pieces.push(audio);
        offsetSamples += audio.length;
        // Let requests and timers run between sentences: synthesis itself is synchronous.
        await new Promise((resolve) => setImmediate(resolve));
      }
      signal?.throwIfAborted();
      const pcm = concatPcm(pieces, sampleRate);
      const durationMs = pcmDurationMs(pcm);
      const wavPath = await writeVoiceWav(input.outDir, 'espeak', pcm);
      return { wavPath, durationMs, words: completeTimings(words, spans, durationMs) };
    });
  }
}

function pickVoice(espeak: EspeakNGWorker, voice: string, language: string): string {
  const voices = espeak.list_voices();
  if (isDefaultVoice(voice)) {
    const chosen = espeakVoiceForLanguage(voices, language);
    if (!chosen) {
      throw new UserError(
        'validation',
        'voice_language_unsupported',
        `The offline voice does not speak "${language}"; choose another language or a cloud voice`,
      );
    }
    return chosen.identifier;
  }
  const named = espeakVoiceByName(voices, voice);
  if (!named) {
    throw new UserError('validation', 'voice_unknown', `The offline engine has no voice "${voice}"`);
  }
  return named.identifier;
}

function speak(
  espeak: EspeakNGWorker,
  voice: string,
  ssml: string,
): { audio: Int16Array; events: EspeakEvent[] } {
  if (espeak.set_voice(voice) !== 0) throw new Error(`eSpeak could not load voice ${voice}`);
  espeak.set_rate(WORDS_PER_MINUTE);
  const blocks: Int16Array[] = [];
  const events: EspeakEvent[] = [];
  espeak.synthesize(ssml, (audio, blockEvents) => {
    if (audio.length > 0) blocks.push(audio);
    events.push(...blockEvents);
    return false;
  });
  return { audio: concatPcm(blocks, 0).samples, events };
}
