import type { MediaInfo, PlatformMetadata, PreflightViolation, Script } from '../../../domain/content.js';
import { buildPlatformMetadata, validateMetadata } from '../../../domain/metadata/index.js';
import { withoutMusic } from '../../../domain/music/index.js';
import { preflight } from '../../../domain/preflight/index.js';
import type { RenderedVideo } from './render.stage.js';
import type { StageContext } from './stage-context.js';

/** Each platform's title, caption and tags (the person's edited ones when given), checked against its limits. */
export function makeMetadata(ctx: StageContext, script: Script): Promise<PlatformMetadata> {
  const { brief, edits } = ctx;
  return ctx.run<PlatformMetadata>(
    'metadata',
    'metadata@1',
    { script, brief: withoutMusic(brief), edited: edits.metadata ?? null },
    async () => {
      const built = edits.metadata ?? buildPlatformMetadata(script, brief);
      const problems = validateMetadata(built);
      if (problems.length > 0)
        throw new Error(problems.map((p) => `${p.platform} ${p.field}: ${p.message}`).join('; '));
      return built;
    },
  );
}

/** The rendered file as probed, and what each of the brief's platforms would refuse in it. */
export function preflightVideo(
  ctx: StageContext,
  video: RenderedVideo,
): Promise<{ media: MediaInfo; violations: PreflightViolation[] }> {
  const { kit, brief } = ctx;
  return ctx.run(
    'preflight',
    'preflight@1',
    { video: video.videoKey, platforms: brief.platforms },
    async () => {
      const media = await kit.media.probe(await kit.mediaStore.localPath(video.videoKey));
      return { media, violations: preflight(media, brief.platforms) };
    },
  );
}
