import type { ComposerVersion } from './composerVersion.js';

/** The exact video that will be posted, playable before consenting; nothing is added to it. */
export function ComposerPreview({ version, label }: { version: ComposerVersion; label: string }) {
  return (
    <video
      className="composer-preview"
      controls
      muted
      playsInline
      preload="metadata"
      poster={version.coverUrl}
      src={version.videoUrl}
      aria-label={label}
    />
  );
}
