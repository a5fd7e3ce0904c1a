import type { MediaAssetView, MediaKind } from '../../../api/library.js';
import { formatBytes } from '../../lib/fileSize.js';
import { formatDuration } from '../item/formatMedia.js';

export const mediaKinds: readonly MediaKind[] = ['image', 'video', 'audio'];

export const mediaKindLabels: Record<MediaKind, string> = { image: 'Picture', video: 'Clip', audio: 'Audio' };

const kindNouns: Record<MediaKind, [one: string, many: string]> = {
  image: ['picture', 'pictures'],
  video: ['clip', 'clips'],
  audio: ['audio file', 'audio files'],
};

/** "1 picture", "3 clips", "2 files". */
export function countOf(count: number, kind: MediaKind | ''): string {
  const [one, many] = kind ? kindNouns[kind] : ['file', 'files'];
  return `${count} ${count === 1 ? one : many}`;
}

/** The facts a card lists under the name: size on screen, length, weight. */
export function mediaFacts(asset: Pick<MediaAssetView, 'width' | 'height' | 'durationMs' | 'sizeBytes'>) {
  const facts: string[] = [];
  if (asset.width > 0 && asset.height > 0) facts.push(`${asset.width} × ${asset.height}`);
  if (asset.durationMs !== null) facts.push(formatDuration(asset.durationMs));
  facts.push(formatBytes(asset.sizeBytes));
  return facts;
}

export function filterByKind<T extends { kind: MediaKind }>(assets: readonly T[], kind: MediaKind | ''): T[] {
  return kind ? assets.filter((asset) => asset.kind === kind) : [...assets];
}

/**
 * What the list shows, in words. The kind filter works on the pages loaded so far (the API pages by date),
 * so while older pages remain, the sentence says so instead of pretending to be complete.
 */
export function listSummary(shown: number, loaded: number, kind: MediaKind | '', hasMore: boolean): string {
  if (!kind) return hasMore ? `Showing the newest ${countOf(loaded, '')}.` : `${countOf(loaded, '')}.`;
  const found = shown === 0 ? `No ${kindNouns[kind][1]}` : countOf(shown, kind);
  return hasMore
    ? `${found} among the newest ${countOf(loaded, '')}. Load more to look further back.`
    : `${found} among ${countOf(loaded, '')}.`;
}
