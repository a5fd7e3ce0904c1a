import type { ContentItem, Version } from '../domain/content-item.js';
import type { MediaLinks } from './media-links.js';

/** An item for the library and item page, with signed links to its current video and cover. */
export function presentItem(item: ContentItem, current: Version | null, links: MediaLinks) {
  return {
    id: item.id,
    title: item.title,
    source: item.source,
    status: item.status,
    brief: { ...item.brief } as Record<string, unknown>,
    currentVersionId: item.currentVersionId,
    failure: item.failure,
    coverUrl: current ? links.path(current.outputs.coverKey) : null,
    videoUrl: current ? links.path(current.outputs.videoKey) : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** A version with its outputs (script, captions, metadata, preflight…) and signed media links. */
export function presentVersion(v: Version, links: MediaLinks) {
  return {
    id: v.id,
    number: v.number,
    contentHash: v.contentHash,
    createdAt: v.createdAt,
    videoUrl: links.path(v.outputs.videoKey),
    coverUrl: links.path(v.outputs.coverKey),
    outputs: { ...v.outputs } as Record<string, unknown>,
    parameters: v.parameters,
    stageLog: v.stageLog,
  };
}
