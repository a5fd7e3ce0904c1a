import { buildCoverArgs } from '../../../domain/render/index.js';
import type { RenderedVideo } from './render.stage.js';
import { cacheMediaKey, fileStillThere, type StageContext } from './stage-context.js';

/** The cover image: a frame early in the video (at most 1.5 s in), as a JPEG. */
export async function makeCover(
  ctx: StageContext,
  video: RenderedVideo,
): Promise<{ coverKey: string; coverAtMs: number }> {
  const { kit, signal } = ctx;
  const coverAtMs = Math.min(1500, Math.floor(video.durationMs / 3));
  const { coverKey } = await ctx.run<{ coverKey: string }>(
    'cover',
    kit.media.description,
    { video: video.videoKey, coverAtMs },
    async (key) => {
      const coverKey = cacheMediaKey(ctx.workspaceId, 'cover', key, 'jpg');
      const input = await kit.mediaStore.localPath(video.videoKey);
      const scratch = await kit.mediaStore.scratch();
      try {
        const output = `${scratch.dir}/cover.jpg`;
        await kit.media.ffmpeg(buildCoverArgs(input, coverAtMs, output), output, {
          expectedMs: 40,
          ...(signal ? { signal } : {}),
        });
        await kit.mediaStore.put(coverKey, output);
      } finally {
        await scratch.cleanup();
      }
      return { coverKey };
    },
    (c) => fileStillThere(kit, c.coverKey),
  );
  return { coverKey, coverAtMs };
}
