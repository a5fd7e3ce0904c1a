import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { pcmRms } from '../../../src/adapters/audio/pcm.js';
import { decodeWav, type PcmAudio } from '../../../src/adapters/audio/wav.js';
import type { TimedWord } from '../../../src/domain/content.js';
import type { SynthesisResult } from '../../../src/ports/voice-engine.js';

/** A scratch directory for one test file; `cleanup` removes it. */
export async function scratchDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'voice-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Reads the result's WAV after checking its header says mono PCM s16le; checks the duration agrees. */
export async function expectMonoWav(result: SynthesisResult): Promise<PcmAudio> {
  const bytes = await readFile(result.wavPath);
  expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
  expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
  expect(bytes.readUInt16LE(20)).toBe(1);
  expect(bytes.readUInt16LE(22)).toBe(1);
  expect(bytes.readUInt16LE(34)).toBe(16);
  const pcm = decodeWav(bytes);
  expect(Math.abs((pcm.samples.length * 1000) / pcm.sampleRate - result.durationMs)).toBeLessThanOrEqual(1);
  return pcm;
}

/** Timings are monotonic, inside the audio, and one per expected word, in order. */
export function expectWellFormedTimings(words: TimedWord[], durationMs: number, expected: string[]): void {
  expect(words.map((w) => w.text)).toEqual(expected);
  let previousEnd = 0;
  for (const word of words) {
    expect(word.startMs).toBeGreaterThanOrEqual(previousEnd);
    expect(word.endMs).toBeGreaterThanOrEqual(word.startMs);
    previousEnd = word.endMs;
  }
  expect(previousEnd).toBeLessThanOrEqual(durationMs);
}

/** Loudness (RMS, fraction of full scale) of the audio inside the words' spans. */
export function speechRms(pcm: PcmAudio, words: TimedWord[]): number {
  const pieces = words.map((w) =>
    pcm.samples.subarray(
      Math.floor((w.startMs * pcm.sampleRate) / 1000),
      Math.ceil((w.endMs * pcm.sampleRate) / 1000),
    ),
  );
  const all = new Int16Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    all.set(piece, at);
    at += piece.length;
  }
  return pcmRms(all);
}
