import { worldMultiplier, type WorldSettings } from '../core/world.js';
import { probeMedia } from '../tiktok/media-probe.js';
import type { Video } from './video-model.js';

/** The duration assumed (by the audience and in contentDetails) when the sandbox could not read the file's. */
export const UNREAD_DURATION_SEC = 30;

/** What the simulated audience reacts to: the seed and the sandbox's world settings. */
export interface Audience {
  seed: number;
  world: WorldSettings;
}

/**
 * Whole seconds of an MP4/MOV whose `moov` lies within the kept bytes (the whole file of a multipart upload, the
 * first HEAD_BYTES of a resumable one: enough for faststart files); null when it cannot be read.
 */
export function durationFromFile(file: { head: Buffer; total: number }): number | null {
  const probe = probeMedia({ head: file.head, tail: Buffer.alloc(0), total: file.total });
  return probe.durationSec === undefined ? null : Math.round(probe.durationSec);
}

/** The video's length as YouTube reports it. */
export function durationOf(video: Video): number {
  return video.durationSec ?? UNREAD_DURATION_SEC;
}

/** `contentDetails.duration`: ISO 8601 (PT1M5S); P0D for no length. */
export function isoDuration(seconds: number): string {
  if (seconds <= 0) return 'P0D';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h > 0 ? `${h}H` : ''}${m > 0 ? `${m}M` : ''}${s > 0 ? `${s}S` : ''}`;
}

/** When the audience first saw the video: its scheduled release, or its upload. */
export function postedAtOf(video: Video): number {
  const { publishAt } = video.metadata.status;
  return publishAt === null ? video.uploadedAt : Date.parse(publishAt);
}

/** How many times the base curve of views this video earns in the sandbox's world (planted effects × noise). */
export function audienceMultiplier(video: Video, audience: Audience): number {
  const { title, description } = video.metadata.snippet;
  return worldMultiplier(audience.world, audience.seed, video.audienceKey, {
    durationSec: durationOf(video),
    postedAtMs: postedAtOf(video),
    caption: description === '' ? title : `${title}\n${description}`,
  });
}
