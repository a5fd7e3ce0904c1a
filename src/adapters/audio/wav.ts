/** Mono 16-bit PCM audio in memory. */
export interface PcmAudio {
  sampleRate: number;
  samples: Int16Array;
}

const RIFF_HEADER_BYTES = 44;
const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;

/** A canonical 44-byte-header RIFF/WAVE file (PCM s16le, mono) holding the samples. */
export function encodeWav(audio: PcmAudio): Buffer {
  const dataBytes = audio.samples.length * 2;
  const out = Buffer.alloc(RIFF_HEADER_BYTES + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(FORMAT_PCM, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(audio.sampleRate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < audio.samples.length; i++)
    out.writeInt16LE(audio.samples[i] ?? 0, RIFF_HEADER_BYTES + i * 2);
  return out;
}

/** Raw little-endian 16-bit mono samples (as ElevenLabs' pcm_* formats send them) as PCM audio. */
export function pcmFromS16le(bytes: Buffer, sampleRate: number): PcmAudio {
  const count = Math.floor(bytes.length / 2);
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(i * 2);
  return { sampleRate, samples };
}

/**
 * Reads a RIFF/WAVE file of 16-bit PCM (any channel count, mixed down to mono). Skips unknown chunks (LIST, fact)
 * and accepts a streaming header whose data size is unknown (0 or 0xFFFFFFFF: the data runs to the end).
 * Throws an Error naming what is wrong for anything else.
 */
export function decodeWav(bytes: Buffer): PcmAudio {
  if (
    bytes.length < 12 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const declared = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = readFormat(bytes, body);
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data chunk before its fmt chunk');
      const available = bytes.length - body;
      const size = declared === 0 || declared > available ? available : declared;
      return toMono(bytes.subarray(body, body + size), format.channels, format.sampleRate);
    }
    // Chunks are word-aligned: an odd size is followed by one pad byte.
    offset = body + declared + (declared % 2);
  }
  throw new Error('WAV file has no data chunk');
}

function readFormat(
  bytes: Buffer,
  at: number,
): { channels: number; sampleRate: number; bitsPerSample: number } {
  if (at + 16 > bytes.length) throw new Error('WAV fmt chunk is truncated');
  const tag = bytes.readUInt16LE(at);
  const channels = bytes.readUInt16LE(at + 2);
  const sampleRate = bytes.readUInt32LE(at + 4);
  const bitsPerSample = bytes.readUInt16LE(at + 14);
  const pcm = tag === FORMAT_PCM || (tag === FORMAT_EXTENSIBLE && bytes.readUInt16LE(at + 24) === FORMAT_PCM);
  if (!pcm || bitsPerSample !== 16)
    throw new Error(`WAV is not 16-bit PCM (format ${tag}, ${bitsPerSample} bits)`);
  if (channels < 1 || sampleRate < 1) throw new Error('WAV declares no channels or no sample rate');
  return { channels, sampleRate, bitsPerSample };
}

function toMono(data: Buffer, channels: number, sampleRate: number): PcmAudio {
  const frames = Math.floor(data.length / (2 * channels));
  const samples = new Int16Array(frames);
  for (let frame = 0; frame < frames; frame++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += data.readInt16LE((frame * channels + c) * 2);
    samples[frame] = Math.round(sum / channels);
  }
  return { sampleRate, samples };
}
