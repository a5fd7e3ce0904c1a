import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iconPictureKey } from '../../../src/adapters/ai/visuals/icon-pictures.js';
import { IllustrationVisuals } from '../../../src/adapters/ai/visuals/illustration-visuals.js';
import { createMediaTools, type FfmpegMediaTools } from '../../../src/adapters/media/index.js';
import { LocalMediaStore } from '../../../src/adapters/media-store/local-media-store.js';
import type { VisualSegment, VisualSource } from '../../../src/domain/content.js';
import { SUBJECT_PX } from '../../../src/domain/render/illustration.js';
import { skipWithoutFfmpeg } from '../render/media-fixtures.js';
import { makeBrief } from '../../small/visuals/brief.js';
import { decodeFrames, renderPlan, silentPlan } from './illustration-frames.js';

// Each cue word and the picture it must show.
const EXPECTED: Record<string, string> = {
  octopus: 'octopus',
  heart: 'red-heart',
  coffee: 'hot-beverage',
  dog: 'dog',
  money: 'money-bag',
  phone: 'mobile-phone',
  sleep: 'sleeping-face',
  rocket: 'rocket',
};
const WORDS = Object.keys(EXPECTED);
const SEGMENT_MS = 500;
const FRAMES_PER_SEGMENT = 15;
// Measured: about 2 levels off where the picture is drawn, 60 to 120 where only the background is.
// Where the subject's picture sits on a segment's first frame (centred at x 540, y 860; no float yet at t = 0).
const SUBJECT_LEFT = 540 - SUBJECT_PX / 2;
const SUBJECT_TOP = 860 - SUBJECT_PX / 2;
const FRAME = { width: 1080, height: 1920 };

/** Mean absolute RGB difference between the frame and the picture, over the picture's opaque pixels. */
function differenceFromPicture(frame: Buffer, picture: Buffer): number {
  let total = 0;
  let count = 0;
  for (let y = 0; y < SUBJECT_PX; y += 6) {
    for (let x = 0; x < SUBJECT_PX; x += 6) {
      const p = (y * SUBJECT_PX + x) * 4;
      if ((picture[p + 3] ?? 0) < 250) continue;
      const f = ((SUBJECT_TOP + y) * FRAME.width + SUBJECT_LEFT + x) * 3;
      for (let c = 0; c < 3; c += 1) total += Math.abs((frame[f + c] ?? 0) - (picture[p + c] ?? 0));
      count += 3;
    }
  }
  if (count === 0) throw new Error('The picture has no opaque pixels');
  return total / count;
}

describe.skipIf(skipWithoutFfmpeg)('illustrations: cue words to pictures on rendered frames', () => {
  let tools: FfmpegMediaTools;
  let root: string;
  let store: LocalMediaStore;
  const sources: VisualSource[] = [];

  beforeAll(async () => {
    tools = await createMediaTools();
    root = await mkdtemp(join(tmpdir(), 'illustrations-'));
    store = new LocalMediaStore(join(root, 'media'));
    const provider = new IllustrationVisuals(store);
    const brief = makeBrief({ topic: 'A quick list' });
    for (const [beatIndex, word] of WORDS.entries()) {
      const source = await provider.choose({
        workspaceId: 'w1',
        brief,
        beat: { text: `All about the ${word}.`, visualCue: word },
        beatIndex,
      });
      if (!source) throw new Error(`No illustration for ${word}`);
      sources.push(source);
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('picks the expected icon for each cue word, and only it', () => {
    const chosen = sources.map((s) => (s.kind === 'illustration' ? s.icons.map((i) => i.iconId) : s.kind));
    expect(chosen).toEqual(WORDS.map((w) => [EXPECTED[w]]));
  });

  it('keeps each picture once in the shared part of the media store, drawn at the subject size', async () => {
    const keys = sources.flatMap((s) => (s.kind === 'illustration' ? s.icons.map((i) => i.mediaKey) : []));
    expect(keys).toEqual(WORDS.map((w) => iconPictureKey(EXPECTED[w]!, SUBJECT_PX)));
    expect(await store.list('builtin/illustrations/')).toEqual([...keys].sort());
  });

  /** Renders the first `count` segments with and without their pictures and compares each subject's pixels. */
  async function checkPictures(renderer: FfmpegMediaTools, count: number, name: string): Promise<void> {
    const shownSources = sources.slice(0, count);
    const files: Record<string, string> = {};
    const withPictures: VisualSegment[] = [];
    const backgroundOnly: VisualSegment[] = [];
    for (const [i, source] of shownSources.entries()) {
      if (source.kind !== 'illustration') throw new Error('not an illustration');
      for (const icon of source.icons) files[icon.mediaKey] = await store.localPath(icon.mediaKey);
      const span = { startMs: i * SEGMENT_MS, endMs: (i + 1) * SEGMENT_MS, overlayText: null };
      withPictures.push({ ...span, source });
      backgroundOnly.push({ ...span, source: { kind: 'generated', ...source.background } });
    }
    const video = await renderPlan(renderer, silentPlan(withPictures, files), root, `${name}-pictures`);
    const plain = await renderPlan(renderer, silentPlan(backgroundOnly, {}), root, `${name}-plain`);

    const starts = shownSources.map((_, i) => i * FRAMES_PER_SEGMENT);
    const frames = await decodeFrames(tools, video, starts, FRAME, join(root, `${name}-pictures.rgb`));
    const bare = await decodeFrames(tools, plain, starts, FRAME, join(root, `${name}-plain.rgb`));
    const size = { width: SUBJECT_PX, height: SUBJECT_PX };
    for (const [i, source] of shownSources.entries()) {
      if (source.kind !== 'illustration') throw new Error('not an illustration');
      const subject = files[source.icons[0]!.mediaKey]!;
      const [picture] = await decodeFrames(
        tools,
        subject,
        [0],
        size,
        join(root, `${name}-p${i}.rgba`),
        'rgba',
      );
      const shown = differenceFromPicture(frames[i]!, picture!);
      const absent = differenceFromPicture(bare[i]!, picture!);
      expect({ word: WORDS[i], shown: shown < 8 }).toEqual({ word: WORDS[i], shown: true });
      expect(absent).toBeGreaterThan(shown * 5);
    }
  }

  it('shows each picture in the rendered frame, where the background alone does not look like it', async () => {
    await checkPictures(tools, sources.length, 'system');
  }, 120_000);

  it('shows them with the npm-shipped ffmpeg 4.1 too', async () => {
    const bundled = await createMediaTools({ preferBundled: true });
    expect(bundled.description).toMatch(/^npm/);
    await checkPictures(bundled, 2, 'bundled');
  }, 120_000);
});
