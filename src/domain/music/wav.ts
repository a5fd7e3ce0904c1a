import type { StereoPcm } from './bed.js';

const HEADER_BYTES = 44;

/** A 16-bit PCM stereo WAV file of the samples (clipped to -1..1). */
export function encodeWav(pcm: StereoPcm): Uint8Array {
  const frames = pcm.left.length;
  const dataBytes = frames * 4;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 2, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 4, true);
  view.setUint16(32, 4, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < frames; i++) {
    view.setInt16(HEADER_BYTES + i * 4, toInt16(pcm.left[i]!), true);
    view.setInt16(HEADER_BYTES + i * 4 + 2, toInt16(pcm.right[i]!), true);
  }
  return bytes;
}

function toInt16(sample: number): number {
  return Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
}
