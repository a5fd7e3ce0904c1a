import { describe, expect, it } from 'vitest';
import {
  BUILTIN_BEDS,
  BUILTIN_SAMPLE_RATE,
  builtinTrackKey,
  encodeWav,
  renderBed,
  type StereoPcm,
} from '../../../src/domain/music/index.js';

const db = (ratio: number) => 20 * Math.log10(ratio);

function rmsDb(pcm: StereoPcm): number {
  let sum = 0;
  for (const channel of [pcm.left, pcm.right]) for (const value of channel) sum += value * value;
  return db(Math.sqrt(sum / (2 * pcm.left.length)));
}

function peakDb(pcm: StereoPcm): number {
  let peak = 0;
  for (const channel of [pcm.left, pcm.right])
    for (const value of channel) peak = Math.max(peak, Math.abs(value));
  return db(peak);
}

/** The jump from the last sample back to the first, and the largest jump between neighbours inside. */
function seam(channel: Float32Array): { jump: number; largestInside: number } {
  let largestInside = 0;
  for (let i = 1; i < channel.length; i++)
    largestInside = Math.max(largestInside, Math.abs(channel[i]! - channel[i - 1]!));
  return { jump: Math.abs(channel[0]! - channel[channel.length - 1]!), largestInside };
}

/** Mean loudness of the 30 ms right after each pulse step, over that of the 30 ms just before it. */
function pulseContrast(pcm: StereoPcm, stepSamples: number): number {
  const window = Math.round(0.03 * pcm.sampleRate);
  const energy = (from: number) => {
    let sum = 0;
    for (let i = from; i < from + window; i++) {
      const at = (i + pcm.left.length) % pcm.left.length;
      sum += pcm.left[at]! ** 2 + pcm.right[at]! ** 2;
    }
    return sum;
  };
  let after = 0;
  let before = 0;
  for (let step = 0; step < pcm.left.length; step += stepSamples) {
    after += energy(step + Math.round(0.01 * pcm.sampleRate));
    before += energy(step - window);
  }
  return 10 * Math.log10(after / before);
}

describe.each(['calm', 'bright'] as const)('the built-in %s bed', (track) => {
  // CPU time, not wall time: other work on a busy machine must not fail this.
  const started = process.cpuUsage();
  const pcm = renderBed(BUILTIN_BEDS[track]);
  const { user, system } = process.cpuUsage(started);

  it('costs well under a second of CPU to make', () => {
    expect((user + system) / 1000).toBeLessThan(1000);
  });

  it('is a 48 kHz stereo loop of whole chords, about 20 s long', () => {
    const bed = BUILTIN_BEDS[track];
    expect(pcm.sampleRate).toBe(BUILTIN_SAMPLE_RATE);
    expect(pcm.right.length).toBe(pcm.left.length);
    const chordSeconds = (bed.beatsPerChord * 60) / bed.tempoBpm;
    expect(pcm.left.length).toBe(chordSeconds * bed.chords.length * BUILTIN_SAMPLE_RATE);
    expect(pcm.left.length / BUILTIN_SAMPLE_RATE).toBeGreaterThanOrEqual(15);
    expect(pcm.left.length / BUILTIN_SAMPLE_RATE).toBeLessThanOrEqual(30);
  });

  it('is deterministic: the same description gives the very same samples', () => {
    const again = renderBed(BUILTIN_BEDS[track]);
    expect(Buffer.from(again.left.buffer).equals(Buffer.from(pcm.left.buffer))).toBe(true);
    expect(Buffer.from(again.right.buffer).equals(Buffer.from(pcm.right.buffer))).toBe(true);
  });

  it('varies with its seed, at the same loudness', () => {
    const reseeded = renderBed({ ...BUILTIN_BEDS[track], seed: 7 });
    expect(Buffer.from(reseeded.left.buffer).equals(Buffer.from(pcm.left.buffer))).toBe(false);
    expect(rmsDb(reseeded)).toBeCloseTo(rmsDb(pcm), 1);
  });

  it('sits at -20 dBFS with peaks under -3 dBFS, quiet enough for the renderer to put under a voice', () => {
    expect(rmsDb(pcm)).toBeCloseTo(-20, 1);
    expect(peakDb(pcm)).toBeLessThan(-3);
  });

  it('loops without a click: the last sample flows into the first', () => {
    for (const channel of [pcm.left, pcm.right]) {
      const { jump, largestInside } = seam(channel);
      expect(jump).toBeLessThanOrEqual(largestInside);
    }
  });

  it('would click if cut anywhere but its end (the seam check can tell)', () => {
    const cut = pcm.left.subarray(0, pcm.left.length - Math.round(0.77 * BUILTIN_SAMPLE_RATE));
    const { jump, largestInside } = seam(cut);
    expect(jump).toBeGreaterThan(largestInside);
  });
});

describe('the two beds differ as described', () => {
  const calm = renderBed(BUILTIN_BEDS.calm);
  const bright = renderBed(BUILTIN_BEDS.bright);

  it('bright has a gentle pulse on every eighth note; calm has none', () => {
    const eighth = (BUILTIN_SAMPLE_RATE * 60) / BUILTIN_BEDS.bright.tempoBpm / 2;
    const brightPulse = pulseContrast(bright, eighth);
    expect(brightPulse).toBeGreaterThan(1.5);
    expect(brightPulse).toBeLessThan(12);
    expect(Math.abs(pulseContrast(calm, eighth))).toBeLessThan(1);
  });

  it('bright sits higher than calm (more zero crossings a second)', () => {
    const crossings = (channel: Float32Array) =>
      channel.reduce((count, value, i) => (i > 0 && value * channel[i - 1]! < 0 ? count + 1 : count), 0) /
      (channel.length / BUILTIN_SAMPLE_RATE);
    expect(crossings(bright.left)).toBeGreaterThan(1.3 * crossings(calm.left));
  });
});

describe('encodeWav', () => {
  it('writes a 16-bit stereo PCM WAV whose samples read back', () => {
    const pcm: StereoPcm = {
      sampleRate: 48_000,
      left: Float32Array.from([0, 0.5, -1, 2]),
      right: Float32Array.from([0.25, -0.5, 1, -2]),
    };
    const bytes = encodeWav(pcm);
    const view = new DataView(bytes.buffer);
    const text = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect([text(0), text(8), text(12), text(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(bytes.length).toBe(44 + 4 * 4);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(48_000);
    expect(view.getUint16(34, true)).toBe(16);
    const samples = Array.from({ length: 8 }, (_, i) => view.getInt16(44 + 2 * i, true));
    // Interleaved left, right; out-of-range values are clipped.
    expect(samples).toEqual([0, 8192, 16384, -16383, -32767, 32767, 32767, -32767]);
  });
});

describe('builtinTrackKey', () => {
  it('names the track and its version, so a new sound is a new file', () => {
    expect(builtinTrackKey('calm')).toBe('builtin/music/calm-v1.wav');
    expect(builtinTrackKey('bright')).toBe('builtin/music/bright-v1.wav');
  });
});
