import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import type { TimedWord } from '../../../src/domain/content.js';
import { openOfflineFactory, type OfflineFactory } from './offline-factory.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const RATE = 16_000;

/** The rendered file's sound track as mono samples in [-1, 1], decoded by ffmpeg (what a viewer hears). */
function decodeAudio(path: string): Float32Array {
  const result = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-vn', '-ac', '1', '-ar', String(RATE), '-f', 's16le', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(result.stderr.toString());
  const pcm = new Int16Array(result.stdout.buffer, result.stdout.byteOffset, result.stdout.byteLength / 2);
  return Float32Array.from(pcm, (s) => s / 32768);
}

/** Loudness of a time span in dBFS (RMS). */
function levelDb(samples: Float32Array, fromMs: number, toMs: number): number {
  const from = Math.max(0, Math.floor((fromMs * RATE) / 1000));
  const to = Math.min(samples.length, Math.ceil((toMs * RATE) / 1000));
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-12);
}

/** When the sound first rises above `thresholdDb` (in 10 ms steps). */
function firstSoundMs(samples: Float32Array, thresholdDb: number): number {
  for (let ms = 0; ms * 16 < samples.length; ms += 10)
    if (levelDb(samples, ms, ms + 10) > thresholdDb) return ms;
  return -1;
}

/** Pauses between spoken words long enough to measure (sentence ends), trimmed so no word edge leaks in. */
function pauses(words: TimedWord[], minMs: number): { fromMs: number; toMs: number }[] {
  return words.slice(1).flatMap((word, i) => {
    const gap = { fromMs: words[i]!.endMs + 40, toMs: word.startMs - 40 };
    return gap.toMs - gap.fromMs >= minMs ? [gap] : [];
  });
}

const script = {
  language: 'en',
  hook: 'Cold brew is easy.',
  beats: [
    { text: 'Grind the beans coarse.', visualCue: 'coffee beans' },
    { text: 'Steep them overnight in the fridge.', visualCue: 'glass jar' },
    { text: 'Filter twice, then pour over ice.', visualCue: 'paper filter' },
  ],
  callToAction: 'Try it tomorrow!',
  writer: 'edited',
};

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')('captions in time with the voice', () => {
  let factory: OfflineFactory;
  beforeAll(async () => (factory = await openOfflineFactory()));
  afterAll(async () => factory.close());

  it('shows each caption word while the rendered video speaks it, and nothing is spoken in the pauses', async () => {
    const { generation, kit } = factory;
    const brief = briefInput.parse({ topic: 'Cold brew', durationSeconds: 10, captionStyle: 'karaoke' });
    const version = await generation.generate('ws', 'item', brief, { script });
    const audio = decodeAudio(await kit.mediaStore.localPath(version.outputs.videoKey));
    // The words burned into the picture, with the times the captions show them.
    const words = version.outputs.captions.flatMap((cue) => cue.words);
    expect(words.length).toBeGreaterThanOrEqual(20);

    // Speech starts when the first caption word does (within two frames at 30 fps).
    expect(Math.abs(firstSoundMs(audio, -40) - words[0]!.startMs)).toBeLessThanOrEqual(70);

    // Every caption word is on screen while there is speech.
    for (const word of words)
      expect(levelDb(audio, word.startMs, word.endMs), word.text).toBeGreaterThan(-35);

    // Sentence pauses in the captions are near-silent in the sound: the captions do not drift away from the voice.
    const gaps = pauses(words, 60);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    const speech = levelDb(audio, words[0]!.startMs, words.at(-1)!.endMs);
    for (const gap of gaps) expect(levelDb(audio, gap.fromMs, gap.toMs)).toBeLessThan(speech - 15);
  }, 120_000);
});
