import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { MediaAssetView } from '../../../api/library.js';
import { builtinTrackView } from '../../../api/music.js';
import { apiGet } from '../../api/client.js';
import { listMedia, mediaKeys } from '../media/mediaApi.js';

const builtinTracks = z.object({ tracks: z.array(builtinTrackView) });
const PAGE_SIZE = 100;
// The preview links are signed for hours; a shorter cache keeps them valid while a page is open.
const PREVIEW_LINKS_FRESH_MS = 30 * 60_000;

/** The built-in tracks with their preview links. */
export const builtinTracksQuery = queryOptions({
  queryKey: ['music', 'builtin'],
  queryFn: async ({ signal }) => (await apiGet('/api/music/builtin', builtinTracks, signal)).tracks,
  staleTime: PREVIEW_LINKS_FRESH_MS,
});

/** Only the audio files of the media library (all pages, newest first), for naming a brief's music. */
export const libraryAudioQuery = queryOptions({
  queryKey: mediaKeys.audio,
  queryFn: async ({ signal }) => {
    const audio: MediaAssetView[] = [];
    let cursor: string | null = null;
    do {
      const page = await listMedia(cursor, signal, PAGE_SIZE);
      audio.push(...page.items.filter((asset) => asset.kind === 'audio'));
      cursor = page.nextCursor;
    } while (cursor);
    return audio;
  },
});
