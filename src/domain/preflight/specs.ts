import type { Platform } from '../connection.js';

/** What each platform accepts for a short vertical video (PLATFORMS.md §1.6, §2.5, YouTube upload limits). */
export interface PlatformSpec {
  name: string;
  containers: string[];
  videoCodecs: string[];
  audioCodecs: string[];
  minFps: number;
  maxFps: number;
  minSide: number;
  maxSide: number;
  maxWidth: number | null;
  minDurationMs: number;
  maxDurationMs: number;
  maxBytes: number;
  maxAudioSampleRate: number | null;
  requiresFaststart: boolean;
  /** 9:16 within a small tolerance. */
  requiresVertical: boolean;
}

const GB = 1024 ** 3;

export const PLATFORM_SPECS: Record<Platform, PlatformSpec> = {
  tiktok: {
    name: 'TikTok',
    containers: ['mp4', 'mov', 'webm'],
    videoCodecs: ['h264', 'hevc', 'vp8', 'vp9'],
    audioCodecs: ['aac', 'mp3', 'opus'],
    minFps: 23,
    maxFps: 60,
    minSide: 360,
    maxSide: 4096,
    maxWidth: null,
    minDurationMs: 3_000,
    maxDurationMs: 600_000,
    maxBytes: 4 * GB,
    maxAudioSampleRate: null,
    requiresFaststart: false,
    requiresVertical: true,
  },
  instagram: {
    name: 'Instagram Reels',
    containers: ['mp4', 'mov'],
    videoCodecs: ['h264', 'hevc'],
    audioCodecs: ['aac'],
    minFps: 23,
    maxFps: 60,
    minSide: 540,
    maxSide: 1920,
    maxWidth: 1920,
    minDurationMs: 3_000,
    maxDurationMs: 900_000,
    maxBytes: 300 * 1024 * 1024,
    maxAudioSampleRate: 48_000,
    requiresFaststart: true,
    requiresVertical: true,
  },
  youtube: {
    name: 'YouTube Shorts',
    containers: ['mp4', 'mov', 'webm'],
    videoCodecs: ['h264', 'hevc', 'vp9', 'av1'],
    audioCodecs: ['aac', 'opus', 'mp3'],
    minFps: 23,
    maxFps: 60,
    minSide: 360,
    maxSide: 4096,
    maxWidth: null,
    minDurationMs: 1_000,
    maxDurationMs: 180_000,
    maxBytes: 256 * GB,
    maxAudioSampleRate: null,
    requiresFaststart: false,
    requiresVertical: true,
  },
};
