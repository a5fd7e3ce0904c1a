import { factorsOfMaking } from '../../domain/analytics/factors.js';
import type { Brief, VisualSegment } from '../../domain/content.js';
import type { GeneratedOutputs, Version, VersionEdits } from '../../domain/content-item.js';
import { newId } from '../../domain/ids.js';
import { musicOf, musicParameter } from '../../domain/music/index.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { stageKey } from './canonical-hash.js';
import type { FactoryKit } from './factory-kit.js';
import { ProgressTracker, type ProgressListener } from './progress-tracker.js';
import { runStage, StageFailure } from './stage-runner.js';
import { makeCover } from './stages/cover.stage.js';
import { makeMetadata, preflightVideo } from './stages/metadata.stage.js';
import { makeCaptions, renderVideo } from './stages/render.stage.js';
import { writeAndVoice } from './stages/script-voice.stage.js';
import { lookOf, type StageContext } from './stages/stage-context.js';
import { chooseVisuals } from './stages/visuals.stage.js';

/** A version the factory made (before it is numbered): its outputs are every stage's. */
export type GeneratedVersion = Omit<Version, 'number' | 'outputs'> & { outputs: GeneratedOutputs };

export interface GenerationDeps {
  store: Store;
  clock: Clock;
  kit: FactoryKit;
}

/** The factory line: brief (and edits) → script → voice → visuals → captions → render → cover → metadata → preflight. */
export class GenerationService {
  constructor(private readonly deps: GenerationDeps) {}

  /** Produces a version; unchanged stages come from the cache, so an edit re-runs only what depends on it. */
  async generate(
    workspaceId: string,
    itemId: string,
    brief: Brief,
    edits: VersionEdits,
    onProgress: ProgressListener = () => undefined,
    signal?: AbortSignal,
  ): Promise<GeneratedVersion> {
    const progress = new ProgressTracker(onProgress);
    const ctx: StageContext = {
      kit: this.deps.kit,
      store: this.deps.store,
      workspaceId,
      brief,
      edits,
      progress,
      ...(signal ? { signal } : {}),
      run: (stage, engine, input, compute, stillValid, retake = false) =>
        progress.track(
          stage,
          () => runStage(this.deps, workspaceId, stage, engine, input, compute, stillValid),
          retake,
        ),
    };

    const { script, voice, refitted } = await writeAndVoice(ctx);
    const look = lookOf(brief, this.deps.kit);
    const visuals = await chooseVisuals(ctx, script, voice, look);
    const captions = await makeCaptions(ctx, voice);
    const video = await renderVideo(ctx, { visuals, captions, voice, look });
    const cover = await makeCover(ctx, video);
    const metadata = await makeMetadata(ctx, script);
    const checked = await preflightVideo(ctx, video);

    return {
      id: newId(),
      itemId,
      workspaceId,
      contentHash: stageKey('version', 'v1', progress.versionKeys()),
      outputs: {
        script,
        voice,
        visuals,
        captions,
        videoKey: video.videoKey,
        coverKey: cover.coverKey,
        coverAtMs: cover.coverAtMs,
        metadata,
        media: checked.media,
        preflight: checked.violations,
      },
      edits,
      parameters: {
        scriptWriter: script.writer,
        voiceEngine: voice.engine,
        voice: brief.voice,
        language: script.language,
        stylePreset: brief.stylePreset,
        captionStyle: brief.captionStyle,
        durationSeconds: brief.durationSeconds,
        music: musicParameter(musicOf(brief)),
        lengthRefitted: refitted,
        beats: script.beats.length,
        visualsSource: summarizeSources(visuals),
        hookWords: script.hook.split(/\s+/).length,
        // The learning loop's factors under their own names: adds hookStyle, duration and topic to the above.
        ...factorsOfMaking(brief),
      },
      stageLog: progress.log,
      createdAt: isoNow(this.deps.clock),
    };
  }
}

function summarizeSources(visuals: VisualSegment[]): string {
  const kinds = new Set(visuals.map((v) => v.source.kind));
  return [...kinds].sort().join('+');
}

export { StageFailure, type ProgressListener };
