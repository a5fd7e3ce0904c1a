import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import type { Store } from '../ports/store.js';
import type { VisualsProvider } from '../ports/visuals-provider.js';
import type { FactoryKit } from '../services/generation/factory-kit.js';

/**
 * The factory's engines for this configuration (the container and the CLI share it): the configured script
 * writer and voice, library → stock → generated visuals, and the system's (or npm's) ffmpeg.
 */
export async function buildFactoryKit(
  config: Config,
  deps: { mediaRoot: string; store: Store },
): Promise<FactoryKit> {
  mkdirSync(deps.mediaRoot, { recursive: true, mode: 0o700 });
  const { createScriptWriter } = await import('../adapters/ai/script/index.js');
  const { createVoiceEngine } = await import('../adapters/ai/voice/index.js');
  const { LibraryVisuals } = await import('../adapters/ai/visuals/library-visuals.js');
  const { PexelsVisuals } = await import('../adapters/ai/visuals/pexels-visuals.js');
  const { chooseVisuals } = await import('../adapters/ai/visuals/visuals-chain.js');
  const { LocalMediaStore } = await import('../adapters/media-store/local-media-store.js');
  const { createMediaTools, fontFileFor } = await import('../adapters/media/index.js');
  const { builtinMusicFiles } = await import('../adapters/media/builtin-music.js');

  const mediaStore = new LocalMediaStore(deps.mediaRoot);
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
    visuals: {
      // Named by the providers before the offline generator, as the visuals stage's cache keys always were.
      id: visuals.map((v) => v.id).join('+'),
      choose: (input, signal) => chooseVisuals(visuals, input, signal),
    },
    media: await createMediaTools(config.FFMPEG_PATH ? { ffmpegPath: config.FFMPEG_PATH } : {}),
    mediaStore,
    builtinMusic: builtinMusicFiles(mediaStore),
    fontFile: fontFileFor,
    writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
  };
}
