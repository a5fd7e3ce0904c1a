import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  existsSync,
  statSync,
  readdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Brief, MediaInfo, Script, TimedWord } from '../../src/domain/content.js';
import type { FactoryKit } from '../../src/services/generation/factory-kit.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { VideoUploadService } from '../../src/services/video-upload.service.js';
import { InProcessProgressBus } from '../../src/adapters/events/in-process-progress-bus.js';
import type { ProgressBus } from '../../src/ports/progress-bus.js';
import { GenerationService } from '../../src/services/generation/generation.service.js';
import { ItemGenerationService } from '../../src/services/item-generation.service.js';

/** A factory kit with instant stand-ins for every engine, counting how often each stage really ran. */
export function fakeFactoryKit(
  options: {
    failRenderTimes?: number;
    failWith?: () => Error;
    msPerWord?: number;
    /** Whether the fake voice tells its pace (as eSpeak does), so the first word target can use it. */
    announcesPace?: boolean;
  } = {},
) {
  const msPerWord = options.msPerWord ?? 300;
  const root = mkdtempSync(join(tmpdir(), 'aif-kit-'));
  const calls = { script: 0, voice: 0, render: 0, cover: 0, probe: 0, builtinMusic: 0 };
  let renderFailures = options.failRenderTimes ?? 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  const media: MediaInfo = {
    container: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 3000,
    sizeBytes: 1000,
    video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
    audio: { codec: 'aac', sampleRate: 48000, channels: 1 },
    faststart: true,
  };
  const kit: FactoryKit = {
    scriptWriter: {
      id: 'fake-writer',
      offline: true,
      // Writes about as many words as asked: three beats padded with filler words.
      write: async (brief: Brief, { targetWords }): Promise<Script> => {
        calls.script++;
        const hook = `All about ${brief.topic}`;
        const perBeat = Math.max(4, Math.round((targetWords - wordCount(hook) - 3) / 3));
        return {
          language: brief.language,
          hook,
          beats: [1, 2, 3].map((n) => {
            const text = `Point ${n} about ${brief.topic}`;
            return {
              text: [text, ...Array<string>(Math.max(0, perBeat - wordCount(text))).fill('more')].join(' '),
              visualCue: `picture ${n}`,
            };
          }),
          callToAction: 'Follow for more',
          writer: 'fake-writer',
        };
      },
    },
    voiceFor: (brief) =>
      brief.voice === 'none'
        ? null
        : {
            id: 'fake-voice',
            offline: true,
            ...(options.announcesPace ? { wordsPerSecond: 1000 / msPerWord } : {}),
            voices: async () => [],
            synthesize: async ({ text, outDir }) => {
              calls.voice++;
              const path = join(outDir, 'voice.wav');
              write(path, 'RIFF');
              const words = wordsOf(text, msPerWord);
              return { wavPath: path, durationMs: words.length * msPerWord, words };
            },
          },
    visuals: {
      id: '',
      choose: async (input) => ({
        kind: 'generated',
        pattern: 'gradient',
        colors: ['#112233'],
        motion: input.beatIndex % 2 ? 'zoom-in' : 'pan-left',
      }),
    },
    media: {
      description: 'fake ffmpeg',
      features: { subtitles: true, drawtext: true, zoompan: true, loudnorm: true },
      ffmpeg: async (args, output, { onProgress }) => {
        if (output.endsWith('.mp4')) {
          calls.render++;
          if (renderFailures > 0) {
            renderFailures--;
            throw options.failWith ? options.failWith() : new Error('ffmpeg exited with code 1');
          }
        } else calls.cover++;
        onProgress?.({ fraction: 0.5 });
        write(output, args.join(' '));
      },
      probe: async () => {
        calls.probe++;
        return media;
      },
      meanVolumeDb: async () => -20,
    },
    mediaStore: {
      localPath: async (key) => {
        if (!existsSync(join(root, key))) throw new Error(`ENOENT: no media under ${key}`);
        return join(root, key);
      },
      move: async (from, to) => {
        mkdirSync(dirname(join(root, to)), { recursive: true });
        renameSync(join(root, from), join(root, to));
      },
      list: async (prefix) =>
        existsSync(join(root, prefix))
          ? readdirSync(join(root, prefix), { recursive: true, withFileTypes: true })
              .filter((e) => e.isFile())
              .map((e) => `${join(e.parentPath, e.name).slice(root.length + 1)}`)
              .sort()
          : [],
      signedReadUrl: async () => null,
      put: async (key, source) => {
        mkdirSync(dirname(join(root, key)), { recursive: true });
        renameSync(source, join(root, key));
      },
      exists: async (key) => existsSync(join(root, key)),
      size: async (key) => (existsSync(join(root, key)) ? statSync(join(root, key)).size : null),
      sha256: async (key) =>
        existsSync(join(root, key))
          ? createHash('sha256')
              .update(readFileSync(join(root, key)))
              .digest('hex')
          : null,
      delete: async (key) => rmSync(join(root, key), { force: true }),
      deletePrefix: async (prefix) => {
        const folder = join(root, prefix);
        const files = existsSync(folder) ? readdirSync(folder, { recursive: true }).length : 0;
        rmSync(folder, { recursive: true, force: true });
        return files;
      },
      scratch: async () => {
        const dir = mkdtempSync(join(root, 'scratch-'));
        return { dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
      },
    },
    builtinMusic: async (track) => {
      calls.builtinMusic++;
      const key = `builtin/music/${track}-fake.wav`;
      write(join(root, key), `RIFF ${track}`);
      return key;
    },
    fontFile: () => '/fonts/inter.ttf',
    writeTextFile: async (path, text) => write(path, text),
  };
  return { kit, calls, root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The fake voice speaks `msPerWord` a word (300 ms by default: brisker than the writers aim for). */
function wordsOf(text: string, msPerWord: number): TimedWord[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({ text: w, startMs: i * msPerWord, endMs: (i + 1) * msPerWord - 50 }));
}

/** The upload service over a fake kit's media store and tools (the generate job needs it for uploaded items). */
export function uploadsFor(store: Store, kit: FactoryKit, clock: Clock): VideoUploadService {
  return new VideoUploadService({
    store,
    media: kit.mediaStore,
    tools: kit.media,
    clock,
    maxUploadBytes: 10_000_000,
  });
}

/** The item generation service over the fake kit: what the generate job calls, with a real pipeline. */
export function itemsFor(
  store: Store,
  kit: FactoryKit,
  clock: Clock,
  progress: ProgressBus = new InProcessProgressBus(),
): ItemGenerationService {
  return new ItemGenerationService({
    store,
    clock,
    generation: new GenerationService({ store, clock, kit }),
    uploads: uploadsFor(store, kit, clock),
    progress,
  });
}
