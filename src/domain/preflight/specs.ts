import type { Platform } from '../connection.js';

/** What a platform accepts for a short vertical video (PLATFORMS.md §1.6, §2.5 and YouTube's upload limits). */
export interface PlatformSpec {
  /** As shown to people: "TikTok", "Instagram Reels", "YouTube". */
  name: string;
  /** True when the name reads as a plural ("Instagram Reels need …"). */
  plural: boolean;
  containers: readonly string[];
  videoCodecs: readonly string[];
  /** null: any audio codec. */
  audioCodecs: readonly string[] | null;
  maxAudioSampleRate: number | null;
  /** null: any pixel format. */
  pixelFormats: readonly string[] | null;
  fps: { min: number; max: number } | null;
  /** Limits on each side, in pixels. */
  side: { min: number; max: number } | null;
  minFrame: { width: number; height: number } | null;
  maxWidth: number | null;
  /** The frame must be 9:16 (within 1 %). */
  vertical: boolean;
  durationMs: { min: number; max: number };
  maxBytes: number;
  /** Average bits per second of the whole file. */
  maxBitrate: number | null;
  /** The 'moov' index must come before the media data. */
  faststart: boolean;
  /** YouTube: a file outside these limits is still taken, but as a regular video instead of a Short. */
  shorts: { maxDurationMs: number } | null;
}

const MB = 1_000_000;
const GB = 1_000_000_000;
const MINUTE = 60_000;

// Sizes are in decimal units, the smaller reading of the platforms' "MB"/"GB", so a file that passes fits.
export const PLATFORM_SPECS: Record<Platform, PlatformSpec> = {
  tiktok: {
    name: 'TikTok',
    plural: false,
    containers: ['mp4', 'mov', 'webm'],
    videoCodecs: ['h264', 'hevc', 'vp8', 'vp9'],
    audioCodecs: null,
    maxAudioSampleRate: null,
    pixelFormats: null,
    fps: { min: 23, max: 60 },
    side: { min: 360, max: 4096 },
    minFrame: null,
    maxWidth: null,
    vertical: true,
    durationMs: { min: 3_000, max: 10 * MINUTE },
    maxBytes: 4 * GB,
    maxBitrate: null,
    faststart: false,
    shorts: null,
  },
  instagram: {
    name: 'Instagram Reels',
    plural: true,
    containers: ['mp4', 'mov'],
    videoCodecs: ['h264', 'hevc'],
    audioCodecs: ['aac'],
    maxAudioSampleRate: 48_000,
    pixelFormats: ['yuv420p', 'yuvj420p', 'nv12'],
    fps: { min: 23, max: 60 },
    side: null,
    minFrame: { width: 540, height: 960 },
    maxWidth: 1920,
    vertical: true,
    durationMs: { min: 3_000, max: 15 * MINUTE },
    maxBytes: 300 * MB,
    maxBitrate: 25 * MB,
    faststart: true,
    shorts: null,
  },
  youtube: {
    name: 'YouTube',
    plural: false,
    containers: ['mp4', 'mov', 'webm', 'matroska', 'avi', 'flv', 'mpeg'],
    videoCodecs: ['h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4', 'prores'],
    audioCodecs: null,
    maxAudioSampleRate: null,
    pixelFormats: null,
    fps: null,
    side: null,
    minFrame: null,
    maxWidth: null,
    vertical: false,
    durationMs: { min: 1_000, max: 12 * 60 * MINUTE },
    maxBytes: 256 * GB,
    maxBitrate: null,
    faststart: false,
    // Since 2024-10-15 a video up to 3 min that is square or taller becomes a Short by itself.
    shorts: { maxDurationMs: 3 * MINUTE },
  },
};
