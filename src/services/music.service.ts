import { BUILTIN_MUSIC_TRACKS, type BuiltinMusicTrack } from '../domain/content.js';
import { requirePermission, type AuthContext } from './auth-context.js';

/** The built-in music beds, for people choosing music for a brief. */
export class MusicService {
  constructor(private readonly deps: { builtinMusic(track: BuiltinMusicTrack): Promise<string> }) {}

  /** Every built-in track with the media key of its file (synthesised on first use), to preview it. */
  async builtinTracks(ctx: AuthContext): Promise<{ track: BuiltinMusicTrack; mediaKey: string }[]> {
    requirePermission(ctx, 'content.view');
    return Promise.all(
      BUILTIN_MUSIC_TRACKS.map(async (track) => ({ track, mediaKey: await this.deps.builtinMusic(track) })),
    );
  }
}
