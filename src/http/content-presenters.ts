import type { BriefView, ItemView, VersionView } from '../api/content.js';
import type { VersionOutputsView } from '../api/version-outputs.js';
import type { Brief } from '../domain/content.js';
import type { ContentItem, Version, VersionOutputs } from '../domain/content-item.js';
import type { MediaLinks } from './media-links.js';

/** A brief as the API shows it back. */
function presentBrief(brief: Brief): BriefView {
  // Briefs stored before background music existed have no music field: they were made without music.
  // Briefs without a hook style (older ones, or left to the writer) have a hook matched to their tone.
  return { ...brief, music: brief.music ?? 'none', hookStyle: brief.hookStyle ?? null };
}

/** What people see of a version's outputs: storage details (visual sources, the voice's audio file) stay inside. */
function presentOutputs(outputs: VersionOutputs): VersionOutputsView {
  const file = {
    videoKey: outputs.videoKey,
    coverKey: outputs.coverKey,
    coverAtMs: outputs.coverAtMs,
    metadata: outputs.metadata,
    media: outputs.media,
    preflight: outputs.preflight,
  };
  if (outputs.source === 'upload') return { source: 'upload', filename: outputs.filename, ...file };
  const { engine, voice, durationMs } = outputs.voice;
  return {
    ...(outputs.source ? { source: outputs.source } : {}),
    script: outputs.script,
    voice: { engine, voice, durationMs },
    captions: outputs.captions,
    ...file,
  };
}

/** An item for the library and item page, with signed links to its current video and cover. */
export function presentItem(item: ContentItem, current: Version | null, links: MediaLinks): ItemView {
  return {
    id: item.id,
    title: item.title,
    source: item.source,
    status: item.status,
    brief: presentBrief(item.brief),
    seriesId: item.seriesId ?? null,
    currentVersionId: item.currentVersionId,
    failure: item.failure,
    coverUrl: current ? links.path(current.outputs.coverKey) : null,
    videoUrl: current ? links.path(current.outputs.videoKey) : null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** A version with its outputs (script, captions, metadata, preflight…) and signed media links. */
export function presentVersion(v: Version, links: MediaLinks): VersionView {
  return {
    id: v.id,
    number: v.number,
    contentHash: v.contentHash,
    createdAt: v.createdAt,
    videoUrl: links.path(v.outputs.videoKey),
    coverUrl: links.path(v.outputs.coverKey),
    outputs: presentOutputs(v.outputs),
    parameters: v.parameters,
    stageLog: v.stageLog,
  };
}
