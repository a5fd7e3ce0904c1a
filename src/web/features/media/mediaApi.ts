import { queryOptions } from '@tanstack/react-query';
import { pageOf } from '../../../api/common.js';
import { libraryLimits, mediaAssetView, type MediaAssetView } from '../../../api/library.js';
import { apiGet, apiSendNoContent, apiUpload } from '../../api/client.js';

const assetPage = pageOf(mediaAssetView);

/** What the file picker offers; the server decides by the content, so dropped files of other types still get a plain answer. */
export const ACCEPTED_FILES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'audio/*',
].join(',');

/** The cache keys of the media library: its pages, its audio files (as music), and each file. */
export const mediaKeys = {
  all: ['media'] as const,
  list: ['media', 'list'] as const,
  audio: ['media', 'audio'] as const,
  asset: (id: string) => ['media', 'asset', id] as const,
};

/** One page of the library's files, newest first. */
export function listMedia(cursor: string | null, signal: AbortSignal, pageSize = 24) {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (cursor) params.set('cursor', cursor);
  return apiGet(`/api/library?${params.toString()}`, assetPage, signal);
}

export const mediaAssetQuery = (id: string) =>
  queryOptions({
    queryKey: mediaKeys.asset(id),
    queryFn: ({ signal }) => apiGet(`/api/library/${encodeURIComponent(id)}`, mediaAssetView, signal),
  });

/** The server's upload limits: configuration, so read once per visit. */
export const limitsQuery = queryOptions({
  queryKey: ['media-limits'],
  queryFn: ({ signal }) => apiGet('/api/library/limits', libraryLimits, signal),
  staleTime: Infinity,
});

export const deleteMedia = (id: string) =>
  apiSendNoContent('DELETE', `/api/library/${encodeURIComponent(id)}`);

/** Sends one file; `onProgress` gets the share sent so far (0..1). */
export function uploadMedia(
  file: File,
  description: string,
  onProgress: (sent: number) => void,
): Promise<MediaAssetView> {
  const form = new FormData();
  // Fields go before the file: the server reads them when it reaches the file's stream.
  if (description.trim()) form.append('description', description.trim());
  form.append('file', file, file.name);
  return apiUpload('/api/library', form, mediaAssetView, onProgress);
}
