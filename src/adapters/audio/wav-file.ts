import { readFile, writeFile } from 'node:fs/promises';
import { decodeWav, encodeWav, type PcmAudio } from './wav.js';

/** Writes the audio as a mono PCM s16le WAV file. */
export async function writeWavFile(path: string, audio: PcmAudio): Promise<void> {
  await writeFile(path, encodeWav(audio));
}

/** Reads a 16-bit PCM WAV file, mixed down to mono. */
export async function readWavFile(path: string): Promise<PcmAudio> {
  return decodeWav(await readFile(path));
}
