import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinMusicFiles } from '../../../src/adapters/media/builtin-music.js';
import {
  createMediaTools,
  defaultFontFile,
  type FfmpegMediaTools,
  type MediaToolsOptions,
} from '../../../src/adapters/media/index.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import { briefInput } from '../../../src/api/content.js';
import type { RenderPlan } from '../../../src/domain/render-plan.js';
import { buildRenderArgs, mediaInput } from '../../../src/domain/render/index.js';
import { openOfflineFactory, SHORT_SCRIPT, type OfflineFactory } from '../factory/offline-factory.js';
import { makeMedia, skipWithoutFfmpeg } from './media-fixtures.js';

const DURATION_MS = 5000;
// The voice speaks from 1 s to 3 s: a 5 kHz tone, far above the low band the music is measured in.
const VOICE = "aevalsrc='0.35*sin(2*PI*5000*t)*between(t,1,3)':s=24000:d=5";
const VOICED = { start: 1.5, end: 2.9 };
// The ducker lets go 400 ms after the voice stops.
const AFTER_VOICE = { start: 3.8, end: 4.8 };
// Three low-passes in a row (36 dB an octave): the music's chords pass, the voice's tone does not.
const MUSIC_BAND = 'lowpass=f=400,lowpass=f=400,lowpass=f=400';

function plan(voicePath: string | null, musicPath: string): RenderPlan {
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: DURATION_MS,
    segments: [
      {
        startMs: 0,
        endMs: DURATION_MS,
        source: { kind: 'generated', pattern: 'gradient', colors: ['#0f4c5c', '#2a6f97'], motion: 'zoom-in' },
        overlayText: null,
      },
    ],
    files: {},
    captions: [],
    captionStyle: 'clean',
    fontFile: defaultFontFile(),
    palette: ['#0f4c5c', '#2a6f97'],
    voicePath,
    musicPath,
  };
}

// The npm build always runs (it is a dependency); the system one wherever ffmpeg is installed.
const BUILDS: [string, MediaToolsOptions][] = [
  ...(skipWithoutFfmpeg ? [] : [['system', {}] satisfies [string, MediaToolsOptions]]),
  ['npm-shipped', { preferBundled: true }],
];

describe.each(BUILDS)(
  'background music rendered by the %s ffmpeg',
  (build, options) => {
    let tools: FfmpegMediaTools;
    let dir: string;
    let store: LocalMediaStore;
    let musicPath: string;
    let musicOnly: string;
    let withVoice: string;

    const render = async (name: string, voicePath: string | null) => {
      const out = join(dir, name);
      await tools.ffmpeg(buildRenderArgs(plan(voicePath, musicPath), tools.features, out, ''), out, {
        expectedMs: DURATION_MS,
      });
      return out;
    };

    /** Mean loudness (dB) of the music's low band of a video between two moments. */
    const bandDb = async (video: string, window: { start: number; end: number }, label: string) => {
      const out = join(dir, `${label}.wav`);
      const trim = `atrim=start=${window.start}:end=${window.end},asetpts=PTS-STARTPTS`;
      await tools.ffmpeg([...mediaInput(video), '-vn', '-af', `${trim},${MUSIC_BAND}`, out], out, {
        expectedMs: 2000,
      });
      return (await tools.meanVolumeDb(out)) ?? Number.NEGATIVE_INFINITY;
    };

    beforeAll(async () => {
      tools = await createMediaTools(options);
      expect(tools.description.startsWith(build === 'system' ? 'system' : 'npm')).toBe(true);
      dir = await mkdtemp(join(tmpdir(), `music-render-${build}-`));
      store = new LocalMediaStore(join(dir, 'media'));
      musicPath = store.pathOf(await builtinMusicFiles(store)('calm'));
      const voice = await makeMedia(tools, join(dir, 'voice.wav'), '-f', 'lavfi', '-i', VOICE);
      musicOnly = await render('music-only.mp4', null);
      withVoice = await render('with-voice.mp4', voice);
    }, 180_000);

    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('writes the built-in track once as a 48 kHz stereo WAV and reuses it', async () => {
      const info = await tools.probe(musicPath);
      expect(info.audio).toEqual({ codec: 'pcm_s16le', sampleRate: 48_000, channels: 2 });
      expect(info.durationMs).toBe(20_000);
      const written = (await stat(musicPath)).mtimeMs;
      expect(store.pathOf(await builtinMusicFiles(store)('calm'))).toBe(musicPath);
      expect((await stat(musicPath)).mtimeMs).toBe(written);
    });

    it('makes the music heard where no voice speaks, under speech level', async () => {
      const mean = await tools.meanVolumeDb(musicOnly);
      expect(mean).toBeGreaterThan(-40);
      expect(mean).toBeLessThan(-20);
      const info = await tools.probe(musicOnly);
      expect(info.audio).toEqual({ codec: 'aac', sampleRate: 48_000, channels: 2 });
      expect(Math.abs(info.durationMs - DURATION_MS)).toBeLessThanOrEqual(100);
    });

    it('ducks the music while the voice speaks, and brings it back after', async () => {
      const alone = await bandDb(musicOnly, VOICED, 'alone-voiced');
      const ducked = await bandDb(withVoice, VOICED, 'ducked-voiced');
      // The very same music, at the same moment, at least 8 dB quieter under the voice.
      expect(ducked).toBeLessThan(alone - 8);
      const aloneAfter = await bandDb(musicOnly, AFTER_VOICE, 'alone-after');
      const restored = await bandDb(withVoice, AFTER_VOICE, 'restored-after');
      expect(Math.abs(restored - aloneAfter)).toBeLessThan(1.5);
      expect(restored).toBeGreaterThan(-40);
    });
  },
  240_000,
);

describe.skipIf(skipWithoutFfmpeg)('a brief with built-in music, generated end to end', () => {
  let factory: OfflineFactory;
  beforeAll(async () => (factory = await openOfflineFactory()));
  afterAll(async () => factory.close());

  it('renders a voiceless video whose sound is the track', async () => {
    const { generation, kit } = factory;
    const brief = briefInput.parse({ topic: 'Cold brew', voice: 'none', music: 'builtin:bright' });
    const version = await generation.generate('ws', 'item', brief, { script: SHORT_SCRIPT });
    expect(version.parameters.music).toBe('builtin:bright');
    expect(existsSync(await kit.mediaStore.localPath('builtin/music/bright-v1.wav'))).toBe(true);
    // Without a voice and without music the sound track is silence (-inf dB); here it is the track.
    expect(
      await kit.media.meanVolumeDb(await kit.mediaStore.localPath(version.outputs.videoKey)),
    ).toBeGreaterThan(-40);
    expect(version.outputs.preflight).toEqual([]);
  }, 120_000);
});
