import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { MediaStore } from '../ports/media-store.js';
import type { Store } from '../ports/store.js';
import type { VisualsProvider } from '../ports/visuals-provider.js';
import type { FactoryKit } from '../services/generation/factory-kit.js';

/**
 * The factory's engines for this configuration (the container and the CLI share it): the configured script
 * writer and voice, library → stock → illustrations → generated visuals, and the system's (or npm's) ffmpeg.
 */
export async function buildFactoryKit(
  config: Config,
  deps: { mediaRoot: string; store: Store; localMedia?: boolean },
): Promise<FactoryKit> {
  mkdirSync(deps.mediaRoot, { recursive: true, mode: 0o700 });
  const { createScriptWriter } = await import('../adapters/ai/script/index.js');
  const { createVoiceEngine } = await import('../adapters/ai/voice/index.js');
  const { LibraryVisuals } = await import('../adapters/ai/visuals/library-visuals.js');
  const { PexelsVisuals } = await import('../adapters/ai/visuals/pexels-visuals.js');
  const { IllustrationVisuals } = await import('../adapters/ai/visuals/illustration-visuals.js');
  const { chooseVisuals } = await import('../adapters/ai/visuals/visuals-chain.js');
  const { createMediaTools, fontFileFor } = await import('../adapters/media/index.js');
  const { builtinMusicFiles } = await import('../adapters/media/builtin-music.js');

  const mediaStore = await openMediaStore(config, deps.mediaRoot, deps.localMedia === true);
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
  // After stock footage (a real photo beats a drawing), before the generated backgrounds (a drawing beats none).
  visuals.push(new IllustrationVisuals(mediaStore));

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

/** MEDIA_STORE's store: files under `mediaRoot`, or the bucket (whose SDK loads only then). */
async function openMediaStore(config: Config, mediaRoot: string, localOnly: boolean): Promise<MediaStore> {
  if (config.MEDIA_STORE === 'gcs' && !localOnly) {
    const { openGcsMediaStore } = await import('../adapters/media-store/open-gcs-media-store.js');
    return openGcsMediaStore({
      // The schema refuses MEDIA_STORE=gcs without a bucket; this keeps the type honest.
      bucket: config.GCS_BUCKET ?? '',
      apiEndpoint: config.GCS_API_ENDPOINT,
      keyFile: config.GCS_KEY_FILE,
      cacheDir: join(mediaRoot, '.gcs-cache'),
      scratchDir: join(mediaRoot, '.scratch'),
    });
  }
  const { LocalMediaStore } = await import('../adapters/media-store/local-media-store.js');
  return new LocalMediaStore(mediaRoot);
}
