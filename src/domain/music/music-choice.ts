import { BUILTIN_MUSIC_TRACKS, type Brief, type BuiltinMusicTrack, type MusicChoice } from '../content.js';
import { BUILTIN_TRACK_VERSION } from './tracks.js';

export type ParsedMusicChoice =
  { kind: 'none' } | { kind: 'builtin'; track: BuiltinMusicTrack } | { kind: 'library'; assetId: string };

/** What Version.parameters records for the learning loop: which built-in track, or that it was an upload. */
export type MusicParameter = 'none' | `builtin:${BuiltinMusicTrack}` | 'library';

/** The brief's music; briefs stored before music existed have none (the field is missing from them). */
export function musicOf(brief: Brief): MusicChoice {
  return brief.music ?? 'none';
}

/** Splits a choice into its kind and what it names; anything unknown counts as no music. */
export function parseMusicChoice(choice: MusicChoice): ParsedMusicChoice {
  if (choice.startsWith('library:')) return { kind: 'library', assetId: choice.slice('library:'.length) };
  const track = BUILTIN_MUSIC_TRACKS.find((name) => choice === `builtin:${name}`);
  return track ? { kind: 'builtin', track } : { kind: 'none' };
}

export function musicParameter(choice: MusicChoice): MusicParameter {
  const parsed = parseMusicChoice(choice);
  if (parsed.kind === 'builtin') return `builtin:${parsed.track}`;
  return parsed.kind;
}

/**
 * What a render's cache key holds for the music, known without reading any file: a built-in track with its
 * version, or the upload's id (an upload never changes; its file is named by its id). Null for none.
 */
export function musicIdentity(choice: MusicChoice): string | null {
  const parsed = parseMusicChoice(choice);
  if (parsed.kind === 'none') return null;
  if (parsed.kind === 'builtin') return `builtin:${parsed.track}@v${BUILTIN_TRACK_VERSION[parsed.track]}`;
  return `library:${parsed.assetId}`;
}

/** The brief without its music: for stages whose output music cannot change (the stage cache keys). */
export function withoutMusic<T extends { music?: MusicChoice }>(brief: T): Omit<T, 'music'> {
  const { music: _music, ...rest } = brief;
  return rest;
}
