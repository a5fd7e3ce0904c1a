import type { VersionView } from '../../../api/content.js';

/** What a composer needs of the approved version: its file, cover, length and platform texts. */
export interface ComposerVersion {
  id: string;
  number: number;
  videoUrl: string;
  coverUrl: string;
  durationMs: number;
  coverAtMs: number;
  metadata: VersionView['outputs']['metadata'];
}

/** The composer's view of a version. */
export function composerVersion(version: VersionView): ComposerVersion {
  return {
    id: version.id,
    number: version.number,
    videoUrl: version.videoUrl,
    coverUrl: version.coverUrl,
    durationMs: version.outputs.media.durationMs,
    coverAtMs: version.outputs.coverAtMs,
    metadata: version.outputs.metadata,
  };
}
