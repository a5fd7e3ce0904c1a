import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { buildCaptionCues, DEFAULT_CUE_OPTIONS } from '../domain/captions/index.js';
import { buildPlatformMetadata, validateMetadata } from '../domain/metadata/index.js';
import { preflight } from '../domain/preflight/index.js';
import { buildCoverArgs, buildPlanAss, buildRenderArgs, renderIdentity } from '../domain/render/index.js';
import { spokenText, validateScript } from '../domain/script-rules.js';
import { resolveStyle } from '../domain/style-presets.js';
import { overlayTextFor } from '../domain/visual-cues.js';
import type { Store } from '../ports/store.js';
import type { VisualsProvider } from '../ports/visuals-provider.js';
import type { FactoryKit } from '../services/generation/factory-kit.js';

/**
 * The factory's engines and builders for this configuration (the container and the CLI share it):
 * the configured script writer and voice, library → stock → generated visuals, and the system's (or npm's) ffmpeg.
 */
export async function buildFactoryKit(
  config: Config,
  deps: { mediaRoot: string; store: Store },
): Promise<FactoryKit> {
  mkdirSync(deps.mediaRoot, { recursive: true, mode: 0o700 });
  const { createScriptWriter } = await import('../adapters/ai/script/index.js');
  const { createVoiceEngine, readingPaceTimings } = await import('../adapters/ai/voice/index.js');
  const { LibraryVisuals } = await import('../adapters/ai/visuals/library-visuals.js');
  const { PexelsVisuals } = await import('../adapters/ai/visuals/pexels-visuals.js');
  const { chooseVisuals } = await import('../adapters/ai/visuals/visuals-chain.js');
  const { LocalMediaStore } = await import('../adapters/media-store/local-media-store.js');
  const { createMediaTools, fontFileFor } = await import('../adapters/media/index.js');
  const { builtinMusicFiles } = await import('../adapters/media/builtin-music.js');

  const mediaStore = new LocalMediaStore(deps.mediaRoot);
  const media = await createMediaTools(config.FFMPEG_PATH ? { ffmpegPath: config.FFMPEG_PATH } : {});
  const voice = createVoiceEngine(config);
  const visuals: VisualsProvider[] = [new LibraryVisuals(deps.store.mediaAssets)];
  if (config.PEXELS_API_KEY) {
    visuals.push(
      new PexelsVisuals({
        apiKey: config.PEXELS_API_KEY,
        baseUrl: config.PEXELS_BASE_URL,
        store: mediaStore,
      }),
    );
  }

  return {
    scriptWriter: createScriptWriter(config),
    voiceFor: (brief) => (brief.voice === 'none' ? null : voice),
    visuals,
    media,
    renderIdentity: renderIdentity(media.description),
    mediaStore,
    builtinMusic: builtinMusicFiles(mediaStore),
    validateScript,
    spokenText,
    readingPaceTimings: (text) => readingPaceTimings(text),
    resolveStyle: (brief) => {
      const style = resolveStyle(brief);
      return {
        palette: style.palette,
        captionStyle: style.captionStyle,
        fontName: style.fontName,
        fontFile: fontFileFor(style.fontName),
      };
    },
    chooseVisuals: (providers, input, signal) => chooseVisuals(providers, input, signal),
    overlayTextFor,
    buildCaptionCues: (words) => buildCaptionCues(words, DEFAULT_CUE_OPTIONS),
    buildAss: buildPlanAss,
    buildRenderArgs: (plan, output, assPath) => buildRenderArgs(plan, media.features, output, assPath),
    buildCoverArgs,
    buildPlatformMetadata,
    validateMetadata,
    preflight,
    writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
