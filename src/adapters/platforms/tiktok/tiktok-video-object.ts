import type { StatsCounters } from '../../../domain/analytics/stats.js';
import type { AccountPost } from '../../../ports/platform-stats.js';
import { isRecord } from './tiktok-envelope.js';

/** TikTok's video objects (PLATFORMS.md §1.7) as one answer of video.list or video.query carries them. */
export function videoObjectsOf(data: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(data.videos) ? data.videos.filter(isRecord) : [];
}

/** The video's id: a string in TikTok's docs; a bare number is kept whole by parseTiktokJson (as a string). */
export function videoObjectId(video: Record<string, unknown>): string | null {
  const id = video.id;
  if (typeof id === 'string' && id !== '') return id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : null;
}

/** The public counters of a video object; a counter TikTok leaves out (or garbles) is null, never 0. */
export function countersOf(video: Record<string, unknown>): StatsCounters {
  return {
    views: count(video.view_count),
    likes: count(video.like_count),
    comments: count(video.comment_count),
    shares: count(video.share_count),
    extra: {},
  };
}

/**
 * An earlier post from a video.list object: its caption (`video_description`, else `title`), public time,
 * duration and numbers. Null without an id or a `create_time`: such a post cannot be placed in time.
 */
export function accountPostOf(video: Record<string, unknown>): AccountPost | null {
  const id = videoObjectId(video);
  const createTime = video.create_time;
  if (id === null || typeof createTime !== 'number' || !Number.isFinite(createTime)) return null;
  const counters = countersOf(video);
  const hasNumbers = [counters.views, counters.likes, counters.comments, counters.shares].some(
    (c) => c !== null,
  );
  return {
    platformPostId: id,
    title: text(video.video_description) || text(video.title),
    url: text(video.share_url) || null,
    durationSec: typeof video.duration === 'number' && video.duration > 0 ? video.duration : null,
    publishedAt: new Date(createTime * 1000).toISOString(),
    counters: hasNumbers ? counters : null,
  };
}

/** A non-negative integer counter; int64 values past 15 digits arrive as digit strings from parseTiktokJson. */
function count(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : null;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
