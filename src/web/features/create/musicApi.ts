import { z } from 'zod';
import type { MediaAssetView } from '../../../api/library.js';
import { builtinTrackView, type BuiltinTrackView } from '../../../api/music.js';
import { apiGet } from '../../api/client.js';
import { mediaLoader } from '../media/mediaApi.js';

const builtinTracks = z.object({ tracks: z.array(builtinTrackView) });
const PAGE_SIZE = 100;

export interface MusicChoices {
  builtin: BuiltinTrackView[];
  /** The workspace's audio files, newest first. */
  library: MediaAssetView[];
}

/** The built-in tracks with their preview links, and every audio file of the media library (all pages). */
export async function loadMusicChoices(signal: AbortSignal): Promise<MusicChoices> {
  const [builtin, library] = await Promise.all([
    apiGet('/api/music/builtin', builtinTracks, signal),
    libraryAudio(signal),
  ]);
  return { builtin: builtin.tracks, library };
}

/** Only the audio files of the media library, for naming a brief's music. */
export async function libraryAudio(signal: AbortSignal): Promise<MediaAssetView[]> {
  const audio: MediaAssetView[] = [];
  const loadPage = mediaLoader(PAGE_SIZE);
  let cursor: string | null = null;
  do {
    const page = await loadPage(cursor, signal);
    audio.push(...page.items.filter((asset) => asset.kind === 'audio'));
    cursor = page.nextCursor;
  } while (cursor);
  return audio;
}
