import type {
  Brief,
  CaptionCue,
  MediaInfo,
  PlatformMetadata,
  PreflightViolation,
  Script,
  VisualSegment,
  VoiceOver,
} from './content.js';
import type { IsoDate } from './people.js';

export const STAGES = [
  'script',
  'voice',
  'visuals',
  'captions',
  'render',
  'cover',
  'metadata',
  'preflight',
] as const;
export type Stage = (typeof STAGES)[number];

export type ItemStatus = 'queued' | 'generating' | 'ready' | 'failed';

/** Made by the factory from a brief, or a finished video someone uploaded. */
export type ItemSource = 'generated' | 'upload';

/** One video in the library: its brief and the version shown now. */
export interface ContentItem {
  id: string;
  workspaceId: string;
  title: string;
  source: ItemSource;
  /** For an upload, made from its title and platforms (nobody typed it), so every item has platforms and a topic. */
  brief: Brief;
  /** Shared by the items created together as one series (the learning loop and analytics group by it); absent for one video. */
  seriesId?: string;
  status: ItemStatus;
  currentVersionId: string | null;
  /**
   * The stage that failed and why, shown with a retry. `mediaExpired`: nothing failed, the retention job deleted
   * the rendered files of this never-published item; a retry makes them again.
   */
  failure: { stage: Stage; reason: string; mediaExpired?: true } | null;
  createdBy: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** What a person may edit between versions; each edit re-runs only the stages that depend on it. */
export interface VersionEdits {
  script?: Script;
  /** Caption words corrected by hand, by cue index (timing is kept). */
  captionText?: Record<number, string>;
  metadata?: PlatformMetadata;
}

/** Every stage's output of one generation, plus the parameters used (the learning loop reads them). */
export interface GeneratedOutputs {
  source?: 'generated';
  script: Script;
  voice: VoiceOver;
  visuals: VisualSegment[];
  captions: CaptionCue[];
  videoKey: string;
  coverKey: string;
  coverAtMs: number;
  metadata: PlatformMetadata;
  media: MediaInfo;
  preflight: PreflightViolation[];
}

/** A finished video someone uploaded: the file as it is, its cover, the platform texts and the checks. */
export interface UploadedOutputs {
  source: 'upload';
  /** The uploaded file's name, as the person knows it. */
  filename: string;
  videoKey: string;
  coverKey: string;
  coverAtMs: number;
  metadata: PlatformMetadata;
  media: MediaInfo;
  preflight: PreflightViolation[];
}

export type VersionOutputs = GeneratedOutputs | UploadedOutputs;

export function isUploaded(outputs: VersionOutputs): outputs is UploadedOutputs {
  return outputs.source === 'upload';
}

export interface Version {
  id: string;
  itemId: string;
  workspaceId: string;
  number: number;
  /** Hash of everything that determines the output (brief, edits, engines): equal hashes, equal videos. */
  contentHash: string;
  outputs: VersionOutputs;
  /** The edits this version was made with (stacked over the previous version's). */
  edits: VersionEdits;
  parameters: Record<string, string | number | boolean>;
  /** Per stage: whether it ran or came from the cache, and how long it took. */
  stageLog: { stage: Stage; cached: boolean; ms: number }[];
  createdAt: IsoDate;
}

/** A library file of the workspace (an upload), validated with ffprobe. */
export interface MediaAsset {
  id: string;
  workspaceId: string;
  mediaKey: string;
  /** Pictures and clips are visuals; audio files are background music. */
  kind: 'image' | 'video' | 'audio';
  filename: string;
  sizeBytes: number;
  /** 0 for audio. */
  width: number;
  height: number;
  /** Null for pictures. */
  durationMs: number | null;
  /** Words from the filename and the person's description, matched against visual cues. */
  tags: string[];
  createdAt: IsoDate;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Durable background work: its state lives in the store, so a restart resumes it. */
export interface Job {
  id: string;
  workspaceId: string;
  type: string;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
  progress: { stage: string; fraction: number } | null;
  error: string | null;
  runAfter: IsoDate;
  leaseUntil: IsoDate | null;
  /** The worker process holding the lease of a running job, and the node (install or host) it runs on. */
  leaseOwner: string | null;
  leaseNode: string | null;
  /** A second enqueue with this key returns this job instead of adding one. */
  idempotencyKey: string | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}
