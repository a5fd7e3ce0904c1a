import type { PcmAudio } from './wav.js';

/** Length of the audio in milliseconds. */
export function pcmDurationMs(audio: PcmAudio): number {
  return Math.round((audio.samples.length * 1000) / audio.sampleRate);
}

/** Root mean square of the samples, as a fraction of full scale (0 silence … 1 full-scale square wave). */
export function pcmRms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length) / 32768;
}

/** Silence of the given length. */
export function silentPcm(durationMs: number, sampleRate: number): PcmAudio {
  return { sampleRate, samples: new Int16Array(Math.round((durationMs * sampleRate) / 1000)) };
}

/** Joins audio pieces of one sample rate. */
export function concatPcm(pieces: Int16Array[], sampleRate: number): PcmAudio {
  const samples = new Int16Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    samples.set(piece, at);
    at += piece.length;
  }
  return { sampleRate, samples };
}

/**
 * Where sound starts and ends (ms), judged on 10 ms windows against a threshold relative to the loudest window;
 * the whole span when the audio is silent. Used to keep estimated word timings off leading/trailing silence.
 */
export function soundBounds(audio: PcmAudio, relativeThreshold = 0.05): { startMs: number; endMs: number } {
  const window = Math.max(1, Math.round(audio.sampleRate / 100));
  const levels: number[] = [];
  for (let at = 0; at < audio.samples.length; at += window) {
    levels.push(pcmRms(audio.samples.subarray(at, at + window)));
  }
  const loudest = levels.reduce((max, l) => Math.max(max, l), 0);
  const total = pcmDurationMs(audio);
  if (loudest === 0) return { startMs: 0, endMs: total };
  const first = levels.findIndex((l) => l >= loudest * relativeThreshold);
  const last = levels.findLastIndex((l) => l >= loudest * relativeThreshold);
  return { startMs: first * 10, endMs: Math.min(total, (last + 1) * 10) };
}
