import type {
  CaptionCueView,
  MediaInfoView,
  PlatformMetadataView,
  PreflightViolationView,
  ScriptView,
  VersionOutputsView,
  VoiceSummaryView,
} from '../../../api/version-outputs.js';

/** The panels of a version, each null when this kind of video has none. */
export interface VersionParts {
  /** Set for a finished video someone uploaded: it has no script, voice or captions of the factory's. */
  upload: { filename: string } | null;
  script: ScriptView | null;
  captions: CaptionCueView[] | null;
  voice: VoiceSummaryView | null;
  metadata: PlatformMetadataView;
  preflight: PreflightViolationView[];
  media: MediaInfoView;
}

/** Splits the outputs the API sends into the panels the item page shows. */
export function versionParts(outputs: VersionOutputsView): VersionParts {
  const { metadata, preflight, media } = outputs;
  if (outputs.source === 'upload') {
    return {
      upload: { filename: outputs.filename },
      script: null,
      captions: null,
      voice: null,
      metadata,
      preflight,
      media,
    };
  }
  const { script, captions, voice } = outputs;
  return { upload: null, script, captions, voice, metadata, preflight, media };
}
