import { z } from 'zod';
import type { BuiltinMusicTrack } from '../domain/content.js';

/** The built-in tracks as people pick them: shared by the server (preview list) and the web app (labels). */
export const BUILTIN_MUSIC_CATALOG: Record<BuiltinMusicTrack, { name: string; description: string }> = {
  calm: { name: 'Calm', description: 'Soft, slow pad chords: for gentle, reflective topics.' },
  bright: { name: 'Bright', description: 'Light chords with a gentle pulse: for upbeat tips and how-tos.' },
};

/** A built-in track with a signed link to listen to it before choosing it. */
export const builtinTrackView = z.object({
  choice: z.string().describe('The brief music value, e.g. builtin:calm'),
  name: z.string(),
  description: z.string(),
  previewUrl: z.string().describe('A signed, expiring link to the track (WAV)'),
});
export type BuiltinTrackView = z.infer<typeof builtinTrackView>;
