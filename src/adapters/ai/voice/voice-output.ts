import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../../../domain/errors.js';
import type { PcmAudio } from '../../audio/wav.js';
import { writeWavFile } from '../../audio/wav-file.js';
import { spokenWords, type SpokenWord } from './words.js';

/** The voice name that means "the engine's usual voice for the language". */
export const DEFAULT_VOICE = 'default';

/** True for "default" and the empty string. */
export function isDefaultVoice(voice: string): boolean {
  const v = voice.trim().toLowerCase();
  return v === '' || v === DEFAULT_VOICE;
}

/** The text's spoken words; a UserError when there are none. */
export function requireWords(text: string, language: string): SpokenWord[] {
  const words = spokenWords(text, language);
  if (words.length === 0) throw new UserError('validation', 'voice_text_empty', 'There is no text to speak');
  return words;
}

/** Writes the voice-over as a mono PCM WAV with a fresh name in outDir (created if missing); returns its path. */
export async function writeVoiceWav(outDir: string, engine: string, audio: PcmAudio): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `voice-${engine}-${randomUUID()}.wav`);
  await writeWavFile(path, audio);
  return path;
}
