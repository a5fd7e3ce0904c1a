import { pageOf } from '../../../api/common.js';
import { libraryLimits, mediaAssetView, type MediaAssetView } from '../../../api/library.js';
import { apiGet, apiSendNoContent, apiUpload } from '../../api/client.js';
import type { PageLoader } from '../../hooks/usePagedQuery.js';

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

/** A page loader for usePagedQuery; build it once (useState) so the hook sees a stable function. */
export function mediaLoader(pageSize = 24): PageLoader<MediaAssetView> {
  return (cursor, signal) => {
    const params = new URLSearchParams({ limit: String(pageSize) });
    if (cursor) params.set('cursor', cursor);
    return apiGet(`/api/library?${params.toString()}`, assetPage, signal);
  };
}

export const loadMediaAsset = (id: string, signal: AbortSignal) =>
  apiGet(`/api/library/${encodeURIComponent(id)}`, mediaAssetView, signal);

export const loadLimits = (signal: AbortSignal) => apiGet('/api/library/limits', libraryLimits, signal);

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
