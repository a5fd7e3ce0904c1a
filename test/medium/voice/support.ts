import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FakeFailure } from '../../../sandbox/ai/openai-tts/fake-speech.js';
import { pcmRms } from '../../../src/adapters/audio/pcm.js';
import { decodeWav, type PcmAudio } from '../../../src/adapters/audio/wav.js';
import type { TimedWord } from '../../../src/domain/content.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import type { SynthesisResult } from '../../../src/ports/voice-engine.js';
import type { SynthesisInput } from '../../../src/adapters/ai/voice/voice-output.js';

/** A scratch directory for one test file; `cleanup` removes it. */
export async function scratchDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'voice-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A cloud provider's local fake, as the engine tests use it. */
interface ProviderFake {
  baseUrl: string;
  failNext(...failures: FakeFailure[]): void;
  close(): Promise<void>;
}

/** A test file's fake provider and scratch directory, started before its tests and closed after them. */
export interface VoiceTestBed<Fake extends ProviderFake> {
  readonly fake: Fake;
  /** A synthesis input writing into the scratch directory; English and the default voice unless told. */
  input: (text: string, options?: { language?: string; voice?: string }) => SynthesisInput;
}

/** Registers the hooks that start and close a fake provider and a scratch directory for this test file. */
export function voiceTestBed<Fake extends ProviderFake>(start: () => Promise<Fake>): VoiceTestBed<Fake> {
  let started: { fake: Fake; scratch: Awaited<ReturnType<typeof scratchDir>> } | undefined;
  beforeAll(async () => {
    started = { fake: await start(), scratch: await scratchDir() };
  });
  afterAll(async () => Promise.all([started?.fake.close(), started?.scratch.cleanup()]));
  const ready = () => {
    if (!started) throw new Error('the test bed starts in beforeAll');
    return started;
  };
  return {
    get fake() {
      return ready().fake;
    },
    input: (text, { language = 'en', voice = 'default' } = {}) => ({
      text,
      language,
      voice,
      outDir: ready().scratch.dir,
    }),
  };
}

/** A failure a fake serves once, and the error class and code the engine must turn it into. */
export type FailureCase = readonly [FakeFailure, typeof UserError | typeof TransientError, string];

/** Failures every provider fake can serve, mapped the same way by every cloud engine. */
export const COMMON_FAILURES: readonly FailureCase[] = [
  [401, UserError, 'provider_auth'],
  [429, TransientError, 'ai_rate_limited'],
  [500, TransientError, 'ai_unavailable'],
  ['bad-answer', TransientError, 'provider_bad_answer'],
  ['hang', TransientError, 'ai_timeout'],
];

/**
 * One test per case: the fake serves the failure to the next request of `synthesize`, which must reject with the
 * case's class and code; a 429 carries the fake's Retry-After as `retryAfterMs`.
 */
export function itMapsFailures<Fake extends ProviderFake>(
  bed: VoiceTestBed<Fake>,
  synthesize: () => Promise<unknown>,
  cases: readonly FailureCase[],
  retryAfterMs: number,
): void {
  it.each(cases)('maps %s to %o %s', async (failure, kind, code) => {
    bed.fake.failNext(failure);
    const error: unknown = await synthesize().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ code });
    if (failure === 429) expect(error).toMatchObject({ retryAfterMs });
  });
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
