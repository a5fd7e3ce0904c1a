import { describe, expect, it } from 'vitest';
import { concatPcm, pcmDurationMs, pcmRms, silentPcm, soundBounds } from '../../../src/adapters/audio/pcm.js';
import { decodeWav, encodeWav, pcmFromS16le } from '../../../src/adapters/audio/wav.js';

function header(fields: {
  format?: number;
  channels?: number;
  rate?: number;
  bits?: number;
  dataSize?: number;
}): Buffer {
  const { format = 1, channels = 1, rate = 8000, bits = 16, dataSize = 0 } = fields;
  const b = Buffer.alloc(44);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + dataSize, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(format, 20);
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE((rate * channels * bits) / 8, 28);
  b.writeUInt16LE((channels * bits) / 8, 32);
  b.writeUInt16LE(bits, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(dataSize, 40);
  return b;
}

const s16 = (...values: number[]) => Buffer.from(new Int16Array(values).buffer);

describe('encodeWav', () => {
  it('writes a canonical 44-byte header for mono 16-bit PCM', () => {
    const wav = encodeWav({ sampleRate: 22050, samples: new Int16Array([1, -2, 32767, -32768]) });
    expect(wav.length).toBe(44 + 8);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(36 + 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt32LE(16)).toBe(16);
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect(wav.readUInt32LE(24)).toBe(22050);
    expect(wav.readUInt32LE(28)).toBe(44100);
    expect(wav.readUInt16LE(32)).toBe(2);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString('ascii', 36, 40)).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(8);
    expect(wav.readInt16LE(48)).toBe(32767);
  });

  it('round-trips through decodeWav', () => {
    const samples = new Int16Array([0, 100, -100, 32767, -32768]);
    const decoded = decodeWav(encodeWav({ sampleRate: 16000, samples }));
    expect(decoded.sampleRate).toBe(16000);
    expect([...decoded.samples]).toEqual([...samples]);
  });
});

describe('decodeWav', () => {
  it('skips chunks it does not know, including an odd-sized one with its pad byte', () => {
    const list = Buffer.concat([
      Buffer.from('LIST'),
      Buffer.from([3, 0, 0, 0]),
      Buffer.from('abc'),
      Buffer.from([0]),
    ]);
    const plain = header({ dataSize: 4 });
    const wav = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36), s16(7, -7)]);
    expect([...decodeWav(wav).samples]).toEqual([7, -7]);
  });

  it('reads a streamed WAV whose sizes are unknown to the end of the file', () => {
    const wav = Buffer.concat([header({}), s16(1, 2, 3)]);
    wav.writeUInt32LE(0xffffffff, 4);
    wav.writeUInt32LE(0xffffffff, 40);
    expect([...decodeWav(wav).samples]).toEqual([1, 2, 3]);
  });

  it('mixes stereo down to mono', () => {
    const wav = Buffer.concat([header({ channels: 2, dataSize: 8 }), s16(100, 300, -50, -150)]);
    expect([...decodeWav(wav).samples]).toEqual([200, -100]);
  });

  it('accepts WAVE_FORMAT_EXTENSIBLE with a PCM sub-format', () => {
    const fmt = Buffer.alloc(8 + 40);
    fmt.write('fmt ', 0, 'ascii');
    fmt.writeUInt32LE(40, 4);
    fmt.writeUInt16LE(0xfffe, 8);
    fmt.writeUInt16LE(1, 10);
    fmt.writeUInt32LE(24000, 12);
    fmt.writeUInt32LE(48000, 16);
    fmt.writeUInt16LE(2, 20);
    fmt.writeUInt16LE(16, 22);
    fmt.writeUInt16LE(22, 24);
    fmt.writeUInt16LE(16, 26);
    fmt.writeUInt32LE(4, 28);
    fmt.writeUInt16LE(1, 32);
    const data = Buffer.concat([Buffer.from('data'), Buffer.from([2, 0, 0, 0]), s16(9)]);
    const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVE'), fmt, data]);
    expect(decodeWav(wav)).toEqual({ sampleRate: 24000, samples: new Int16Array([9]) });
  });

  it.each([
    ['not RIFF', Buffer.from('hello world, not a wave')],
    ['8-bit', Buffer.concat([header({ bits: 8, dataSize: 2 }), Buffer.from([1, 2])])],
    ['float', Buffer.concat([header({ format: 3, bits: 32, dataSize: 4 }), Buffer.alloc(4)])],
    ['no data chunk', header({}).subarray(0, 36)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeWav(bytes)).toThrow();
  });
});

describe('pcm helpers', () => {
  it('reads raw little-endian samples', () => {
    expect([...pcmFromS16le(Buffer.concat([s16(5, -5), Buffer.from([1])]), 22050).samples]).toEqual([5, -5]);
  });

  it('measures duration and loudness', () => {
    expect(pcmDurationMs({ sampleRate: 8000, samples: new Int16Array(12000) })).toBe(1500);
    expect(pcmRms(new Int16Array([16384, -16384]))).toBeCloseTo(0.5);
    expect(pcmRms(new Int16Array(0))).toBe(0);
    expect(silentPcm(250, 16000).samples).toHaveLength(4000);
    expect([...concatPcm([new Int16Array([1]), new Int16Array([2, 3])], 8000).samples]).toEqual([1, 2, 3]);
  });

  it('finds where sound starts and ends', () => {
    const samples = new Int16Array(16000);
    samples.fill(8000, 4000, 12000);
    expect(soundBounds({ sampleRate: 16000, samples })).toEqual({ startMs: 250, endMs: 750 });
    expect(soundBounds({ sampleRate: 16000, samples: new Int16Array(1600) })).toEqual({
      startMs: 0,
      endMs: 100,
    });
  });
});
