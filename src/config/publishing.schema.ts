import { z } from 'zod';

const count = (min: number, max: number, def: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

/** Publishing limits and deadlines (PLATFORMS.md §1.4, §3.4, §6: taken from config, never constants). */
export const publishingSettings = {
  TIKTOK_INITS_PER_MINUTE: count(1, 100, 6).describe(
    'Publications one TikTok account may start per minute (TikTok allows 6 inits a minute per token); more wait',
  ),
  TIKTOK_DAILY_POSTS_PER_CREATOR: count(1, 1000, 15).describe(
    'Publications one TikTok account may start per UTC day (TikTok caps a creator at about 15 a day); more wait for the next day',
  ),
  YOUTUBE_DAILY_QUOTA_UNITS: count(1, 10_000_000, 10_000).describe(
    "The YouTube Data API project's daily quota, in units, resetting at midnight Pacific time",
  ),
  YOUTUBE_UPLOAD_COST_UNITS: count(1, 100_000, 100).describe(
    'Quota units one YouTube upload costs (1600 before December 2025, about 100 since); uploads that would exceed the quota wait for the reset',
  ),
  PUBLISH_POST_ID_DEADLINE_HOURS: count(1, 720, 48).describe(
    'How long a published TikTok post is polled for its public post id (moderation can take hours) before giving up on the link',
  ),
  PUBLIC_VIDEO_LINK_HOURS: count(1, 168, 24).describe(
    'Lifetime of the signed public video link a platform fetches the approved file from (Instagram video_url); must cover processing',
  ),
};
