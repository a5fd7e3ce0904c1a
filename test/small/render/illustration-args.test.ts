import { describe, expect, it } from 'vitest';
import type { CaptionCue, VisualSegment, VisualSource } from '../../../src/domain/content.js';
import type { RenderPlan } from '../../../src/domain/render-plan.js';
import {
  buildPlanAss,
  buildRenderArgs,
  inputsAreGuarded,
  overlaysOf,
} from '../../../src/domain/render/index.js';
import { illustrationSegment } from '../../../src/domain/render/illustration.js';

const ALL = { subtitles: true, drawtext: true, zoompan: true, loudnorm: true };
const BACKGROUND = { pattern: 'gradient', colors: ['#112233', '#445566'], motion: 'zoom-in' } as const;

function illustration(...names: string[]): Extract<VisualSource, { kind: 'illustration' }> {
  return {
    kind: 'illustration',
    icons: names.map((iconId) => ({ iconId, mediaKey: `icons/${iconId}.png` })),
    background: { ...BACKGROUND, colors: [...BACKGROUND.colors] },
    credit: 'Fluent Emoji Flat (MIT)',
  };
}

function plan(segments: VisualSegment[], captions: CaptionCue[] = []): RenderPlan {
  return {
    width: 1080,
    height: 1920,
    fps: 30,
    durationMs: segments.at(-1)?.endMs ?? 0,
    segments,
    files: {
      'icons/octopus.png': '/m/octopus.png',
      'icons/red-heart.png': '/m/red-heart.png',
      'icons/rocket.png': '/m/rocket.png',
      photo: '/m/photo.jpg',
    },
    captions,
    captionStyle: 'karaoke',
    fontFile: '/fonts/Inter.ttf',
    palette: ['#1e1b4b'],
    voicePath: '/m/voice.wav',
    musicPath: null,
  };
}

const graphOf = (args: string[]): string => args[args.indexOf('-filter_complex') + 1] ?? '';
const inputsOf = (args: string[]): string[] => args.filter((_, i) => args[i - 1] === '-i');

describe('illustrationSegment', () => {
  const graph = illustrationSegment(
    illustration('octopus', 'red-heart'),
    ['/a.png', '/b.png'],
    4,
    [],
    30,
    's1',
    true,
  );

  it('opens each picture under the whitelists and numbers the inputs from the given index', () => {
    expect(inputsAreGuarded(graph.inputs)).toBe(true);
    expect(inputsOf(graph.inputs)).toEqual(['/a.png', '/b.png']);
    expect(graph.filters).toContain('[4:v]format=rgba[s1p0]');
    expect(graph.filters).toContain('[5:v]format=rgba[s1p1]');
  });

  it('lays the pictures over the background in turn, the last one ending in the segment label', () => {
    const overlays = graph.filters.filter((f) => f.includes('overlay='));
    expect(overlays[0]).toMatch(
      /^\[s1bg\]\[s1p0\]overlay=x='180\+0\*\(.*\)':y='500\+26\*sin\(2\*PI\*t\/3\.2\)':eval=frame\[s1o0\]$/,
    );
    expect(overlays[1]).toMatch(/^\[s1o0\]\[s1p1\]overlay=x='70\+60\*\(min\(1,n\/29\)-0\.5\)':y=.*\[s1\]$/);
    expect(graph.filters[0]).toMatch(/\[s1bg\]$/);
  });

  it('draws only the background, under the segment label, when it has no pictures', () => {
    const bare = illustrationSegment(illustration(), [], 0, [], 30, 's0', true);
    expect(bare.inputs).toEqual([]);
    expect(bare.filters.join(';')).toMatch(/\[s0\]$/);
    expect(bare.filters.join(';')).not.toContain('overlay');
  });

  it('shows at most three pictures', () => {
    const crowded = illustrationSegment(illustration(), ['/1', '/2', '/3', '/4'], 0, [], 30, 's0', true);
    expect(inputsOf(crowded.inputs)).toEqual(['/1', '/2', '/3']);
  });
});

describe('buildRenderArgs with illustrations', () => {
  it('counts every picture as an input, so later photos and the voice get the right index', () => {
    const args = buildRenderArgs(
      plan([
        { startMs: 0, endMs: 1000, source: illustration('octopus', 'rocket'), overlayText: null },
        {
          startMs: 1000,
          endMs: 2000,
          source: { kind: 'asset', mediaKey: 'photo', mediaType: 'image' },
          overlayText: null,
        },
        { startMs: 2000, endMs: 3000, source: illustration('red-heart'), overlayText: null },
      ]),
      ALL,
      'o.mp4',
      'a.ass',
    );
    expect(inputsOf(args)).toEqual([
      '/m/octopus.png',
      '/m/rocket.png',
      '/m/photo.jpg',
      '/m/red-heart.png',
      '/m/voice.wav',
    ]);
    const graph = graphOf(args);
    expect(graph).toContain('[2:v]trim=end_frame=1');
    expect(graph).toContain('[3:v]format=rgba[s2p0]');
    expect(graph).toContain('[4:a]');
    expect(graph).toContain('[s0][s1][s2]concat=n=3');
    expect(inputsAreGuarded(args)).toBe(true);
  });

  it('refuses an illustration whose picture the plan has no file for', () => {
    const segments = [{ startMs: 0, endMs: 1000, source: illustration('dog'), overlayText: null }];
    expect(() => buildRenderArgs(plan(segments), ALL, 'o.mp4', 'a.ass')).toThrow(
      /no file for icons\/dog\.png/,
    );
  });
});

// Every Dialogue line of an ASS file as [layer style, start s, end s].
function dialogues(ass: string): { style: string; start: number; end: number }[] {
  const seconds = (t: string): number => {
    const [h, m, s] = t.split(':').map(Number) as [number, number, number];
    return h * 3600 + m * 60 + s;
  };
  return [...ass.matchAll(/^Dialogue: \d+,([^,]+),([^,]+),(\w+),/gm)].map((m) => ({
    start: seconds(m[1]!),
    end: seconds(m[2]!),
    style: m[3]!,
  }));
}

describe('the hook is shown once', () => {
  const hook = 'Octopuses have three hearts';
  const hookWords = hook
    .split(' ')
    .map((text, i) => ({ text, startMs: 100 + i * 300, endMs: 350 + i * 300 }));
  const hookCaption: CaptionCue = { startMs: 100, endMs: 1250, words: hookWords };
  const segments: VisualSegment[] = [
    { startMs: 0, endMs: 1500, source: illustration('octopus'), overlayText: hook },
    { startMs: 1500, endMs: 3000, source: illustration('red-heart'), overlayText: null },
  ];

  it('as its caption when there are captions: no instant shows a title card and a caption', () => {
    const ass = buildPlanAss(plan(segments, [hookCaption, { ...hookCaption, startMs: 1600, endMs: 2900 }]));
    const lines = dialogues(ass);
    const captions = lines.filter((l) => l.style === 'Caption');
    const overlays = lines.filter((l) => l.style === 'Overlay');
    expect(captions).toHaveLength(2);
    for (const o of overlays)
      for (const c of captions) expect(o.end <= c.start || c.end <= o.start).toBe(true);
    expect(overlays).toEqual([]);
  });

  it('as a title card when there are no captions', () => {
    const lines = dialogues(buildPlanAss(plan(segments)));
    expect(lines).toEqual([{ style: 'Overlay', start: 0, end: 1.5 }]);
  });

  it('keeps an overlay over a segment no caption touches, with drawtext as with libass', () => {
    const late: CaptionCue = { startMs: 1600, endMs: 2900, words: hookWords };
    expect(overlaysOf(segments, [late])).toEqual([{ startMs: 0, endMs: 1500, text: hook }]);
    expect(overlaysOf(segments, [hookCaption])).toEqual([]);
    // drawtext burns exactly what it burns for the same plan without the title card.
    const noCard = segments.map((segment) => ({ ...segment, overlayText: null }));
    const drawn = (list: VisualSegment[]): string =>
      graphOf(buildRenderArgs(plan(list, [hookCaption]), { ...ALL, subtitles: false }, 'o.mp4', 'a.ass'));
    expect(drawn(segments)).toBe(drawn(noCard));
  });

  it('keeps a later segment’s kinetic key words while its caption shows', () => {
    const kinetic: VisualSegment[] = [segments[0]!, { ...segments[1]!, overlayText: 'Three hearts' }];
    const caption = { ...hookCaption, startMs: 1600, endMs: 2900 };
    expect(overlaysOf(kinetic, [hookCaption, caption])).toEqual([
      { startMs: 1500, endMs: 3000, text: 'Three hearts' },
    ]);
  });
});
