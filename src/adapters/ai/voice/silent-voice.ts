import type { SynthesisResult, VoiceEngine, VoiceInfo } from '../../../ports/voice-engine.js';
import { silentPcm } from '../../audio/pcm.js';
import { DEFAULT_READING_WORDS_PER_SECOND, readingPaceTimings } from '../../../domain/speech/reading-pace.js';
import { requireWords, writeVoiceWav, type SynthesisInput } from './voice-output.js';

// Silence needs no fidelity; a low rate keeps the file small.
const SILENCE_SAMPLE_RATE = 16_000;

/**
 * "No voice": captions follow a reading pace. It still writes a WAV (silence as long as the reading) so every
 * engine keeps one contract, and marks the result `silent` so the pipeline can store no audio.
 */
export class SilentVoice implements VoiceEngine {
  readonly id = 'none';
  readonly offline = true;

  constructor(readonly wordsPerSecond = DEFAULT_READING_WORDS_PER_SECOND) {}

  /** One pseudo-voice, for every language. */
  async voices(): Promise<VoiceInfo[]> {
    return [{ id: 'none', name: 'No voice (captions at reading pace)', languages: ['*'] }];
  }

  /** Times the words at the reading pace and writes that much silence. */
  async synthesize(input: SynthesisInput, signal?: AbortSignal): Promise<SynthesisResult> {
    requireWords(input.text, input.language);
    signal?.throwIfAborted();
    const { words, durationMs } = readingPaceTimings(input.text, this.wordsPerSecond, input.language);
    const wavPath = await writeVoiceWav(input.outDir, 'silent', silentPcm(durationMs, SILENCE_SAMPLE_RATE));
    return { wavPath, durationMs, words, silent: true };
  }
}
