import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TransientError, UserError } from '../../../domain/errors.js';
import type { VoiceEngine } from '../../../ports/voice-engine.js';
import type { PcmAudio } from '../../audio/wav.js';
import { writeWavFile } from '../../audio/wav-file.js';
import { spokenWords, type SpokenWord } from '../../../domain/speech/words.js';

/** What every voice engine's synthesize() is given (the port's input). */
export type SynthesisInput = Parameters<VoiceEngine['synthesize']>[0];

/** The voice name that means "the engine's usual voice for the language". */
export const DEFAULT_VOICE = 'default';

/** True for "default" and the empty string. */
export function isDefaultVoice(voice: string): boolean {
  const v = voice.trim().toLowerCase();
  return v === '' || v === DEFAULT_VOICE;
}

/** The voice asked for, or the engine's configured one when "default" is asked for. */
export function voiceOrDefault(voice: string, configured: string): string {
  return isDefaultVoice(voice) ? configured : voice;
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

/** An answer that cannot be used (wrong shape, broken audio): worth one more try. */
export function badAnswer(provider: string, what: string): TransientError {
  return new TransientError('provider_bad_answer', `${provider} sent an unusable answer: ${what}`);
}
