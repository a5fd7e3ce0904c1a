import type { SandboxProcess } from './sandbox-process.js';

/** Lifts the sandbox's per-creator caps and per-token rates: a run with many publications measures the product. */
export async function relaxSandboxLimits(sandbox: SandboxProcess): Promise<void> {
  await sandbox.admin('PATCH', '/tiktok/settings', {
    processingMs: 300,
    moderationMs: 300,
    directPostsPer24h: 1_000_000,
    activeCreatorCap: null,
    rateLimits: { creatorInfo: 100_000, init: 100_000, status: 100_000, display: 100_000 },
  });
  await sandbox.admin('PATCH', '/instagram/settings', {
    publishesPer24h: 1_000_000,
    containerProcessingMs: 300,
  });
  await sandbox.admin('PATCH', '/youtube/settings', {
    processingMs: 300,
    dailyQuota: 1_000_000_000,
    insertCallsPerDay: 1_000_000_000,
    channelUploadsPer24h: 1_000_000,
  });
}

/**
 * How many posts each title has on the three platforms (titles start with `marker`): a count above one is a
 * duplicate. Not posts: TikTok publishes that failed, TikTok file-upload inits that never got a byte (a run that
 * lost the race to another stops there; TikTok fails them when their upload link expires), and YouTube videos
 * that failed processing.
 */
export async function postsByTitle(sandbox: SandboxProcess, marker: string): Promise<Map<string, number>> {
  return (await sandboxPosts(sandbox, marker)).posts;
}

/** The posts by title, and how many TikTok inits of these titles got no byte (left to expire). */
export async function sandboxPosts(
  sandbox: SandboxProcess,
  marker: string,
): Promise<{ posts: Map<string, number>; emptyTiktokInits: number }> {
  const counts = new Map<string, number>();
  const add = (title: string | undefined) => {
    if (title?.startsWith(marker)) counts.set(title, (counts.get(title) ?? 0) + 1);
  };
  const tiktok = (await sandbox.admin('GET', '/tiktok/publishes')) as {
    publishes: { title?: string; status?: string; uploadedBytes?: number | null }[];
  };
  let emptyTiktokInits = 0;
  for (const p of tiktok.publishes) {
    if (p.status === 'FAILED' || !p.title?.startsWith(marker)) continue;
    // null: a pull-from-URL publish, which has no upload of its own.
    if (p.uploadedBytes === 0) emptyTiktokInits++;
    else add(p.title);
  }
  const instagram = (await sandbox.admin('GET', '/instagram/state')) as { media: { caption?: string }[] };
  for (const m of instagram.media) add(m.caption);
  const youtube = (await sandbox.admin('GET', '/youtube/videos')) as {
    videos: { title?: string; uploadStatus?: string }[];
  };
  for (const v of youtube.videos)
    if (v.uploadStatus !== 'failed' && v.uploadStatus !== 'rejected') add(v.title);
  return { posts: counts, emptyTiktokInits };
}
