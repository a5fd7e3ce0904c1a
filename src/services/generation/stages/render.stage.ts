import { applyCaptionEdits, buildCaptionCues, DEFAULT_CUE_OPTIONS } from '../../../domain/captions/index.js';
import type { CaptionCue, MusicChoice, VisualSegment, VoiceOver } from '../../../domain/content.js';
import { musicIdentity, musicOf } from '../../../domain/music/index.js';
import { buildPlanAss, buildRenderArgs, renderIdentity } from '../../../domain/render/index.js';
import type { RenderPlan } from '../../../domain/render-plan.js';
import { mediaKeysOf } from '../../../domain/visual-source.js';
import { musicKeyFor } from '../music.js';
import { cacheMediaKey, fileStillThere, type Look, type StageContext } from './stage-context.js';

/** A rendered video in the media store. */
export interface RenderedVideo {
  videoKey: string;
  durationMs: number;
}

/** The caption cues of the voice-over's words, with the person's caption text edits (timing kept). */
export function makeCaptions(ctx: StageContext, voice: VoiceOver): Promise<CaptionCue[]> {
  const edits = ctx.edits.captionText ?? {};
  return ctx.run<CaptionCue[]>('captions', 'cues@2', { words: voice.words, edits }, async () =>
    applyCaptionEdits(buildCaptionCues(voice.words, DEFAULT_CUE_OPTIONS), edits),
  );
}

/** The video: visuals, burned-in captions, voice-over and music, rendered by ffmpeg. */
export function renderVideo(
  ctx: StageContext,
  input: { visuals: VisualSegment[]; captions: CaptionCue[]; voice: VoiceOver; look: Look },
): Promise<RenderedVideo> {
  const { visuals, captions, voice, look } = input;
  const music = musicOf(ctx.brief);
  return ctx.run<RenderedVideo>(
    'render',
    // What a render depends on besides its inputs (ffmpeg build, encoder settings, graph version).
    renderIdentity(ctx.kit.media.description),
    {
      visuals,
      captions,
      style: look,
      voice: voice.audioKey,
      durationMs: voice.durationMs,
      music: musicIdentity(music),
    },
    async (key) => render(ctx, key, { ...input, music }),
    (r) => fileStillThere(ctx.kit, r.videoKey),
  );
}

async function render(
  ctx: StageContext,
  key: string,
  input: {
    visuals: VisualSegment[];
    captions: CaptionCue[];
    voice: VoiceOver;
    look: Look;
    music: MusicChoice;
  },
): Promise<RenderedVideo> {
  const { kit, workspaceId, signal } = ctx;
  const videoKey = cacheMediaKey(workspaceId, 'render', key, 'mp4');
  const musicKey = await musicKeyFor(ctx, workspaceId, input.music);
  const files: Record<string, string> = {};
  for (const segment of input.visuals) {
    for (const mediaKey of mediaKeysOf(segment.source))
      files[mediaKey] = await kit.mediaStore.localPath(mediaKey);
  }
  const plan: RenderPlan = {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: input.voice.durationMs,
    segments: input.visuals,
    files,
    captions: input.captions,
    captionStyle: input.look.captionStyle,
    fontFile: input.look.fontFile,
    palette: input.look.palette,
    voicePath: input.voice.audioKey ? await kit.mediaStore.localPath(input.voice.audioKey) : null,
    musicPath: musicKey ? await kit.mediaStore.localPath(musicKey) : null,
  };
  const scratch = await kit.mediaStore.scratch();
  try {
    const assPath = `${scratch.dir}/captions.ass`;
    await kit.writeTextFile(assPath, buildPlanAss(plan));
    // Rendered beside the job's other scratch files, then put: a bucket store has no path to write to.
    const output = `${scratch.dir}/video.mp4`;
    await kit.media.ffmpeg(buildRenderArgs(plan, kit.media.features, output, assPath), output, {
      expectedMs: plan.durationMs,
      onProgress: (p) => ctx.progress.advance('render', p.fraction),
      ...(signal ? { signal } : {}),
    });
    await kit.mediaStore.put(videoKey, output);
    return { videoKey, durationMs: plan.durationMs };
  } finally {
    await scratch.cleanup();
  }
}
