import { describe, expect, it } from 'vitest';
import { GeneratedVisuals } from '../../../src/adapters/ai/visuals/generated-visuals.js';
import type { Beat, VisualSource } from '../../../src/domain/content.js';
import { makeBrief } from './brief.js';

const generated = new GeneratedVisuals();
const beat = (visualCue: string, text = 'Something to say'): Beat => ({ text, visualCue });

async function sourceFor(cue: string, beatIndex = 0, over: Parameters<typeof makeBrief>[0] = {}) {
  const source = await generated.choose({
    workspaceId: 'ws',
    brief: makeBrief(over),
    beat: beat(cue),
    beatIndex,
  });
  if (source.kind !== 'generated') throw new Error('expected a generated source');
  return source;
}

describe('GeneratedVisuals follows the words', () => {
  it.each([
    ['Waves rolling on a calm ocean at sunset', ['gradient', 'waves'], ['zoom-in', 'zoom-out']],
    ['Des vagues sur une plage calme', ['gradient', 'waves'], ['zoom-in', 'zoom-out']],
    ['Lines of code and a data dashboard on a laptop', ['grid'], ['pan-right', 'zoom-in', 'pan-left']],
    ['Datos y gráficos en la pantalla', ['grid'], ['pan-right', 'zoom-in', 'pan-left']],
    ['A crowd dancing at a party with loud music', ['dots'], ['pan-left', 'pan-right']],
    ['Runner sprinting, pure energy', ['dots'], ['pan-left', 'pan-right']],
  ])('%s → %o with %o', async (cue, patterns, motions) => {
    for (const index of [0, 1, 2, 3]) {
      const source = await sourceFor(cue, index);
      expect(patterns).toContain(source.pattern);
      expect(motions).toContain(source.motion);
    }
  });

  it('starts calm beats on a gradient with a slow zoom', async () => {
    expect(await sourceFor('A quiet forest at dawn')).toMatchObject({
      pattern: 'gradient',
      motion: 'zoom-in',
    });
  });

  it("uses the style's own patterns and moves when the words suggest no mood", async () => {
    const source = await sourceFor('A person holding a pen', 0, { stylePreset: 'tech-grid' });
    expect(source).toMatchObject({ pattern: 'grid', motion: 'pan-left' });
  });
});

describe('GeneratedVisuals colours and variety', () => {
  it('takes up to three colours from the style, rotated beat after beat', async () => {
    const colours = await Promise.all([0, 1, 2, 3].map(async (i) => (await sourceFor('a pen', i)).colors));
    expect(colours).toEqual([
      ['#1f2937', '#334155', '#0f766e'],
      ['#334155', '#0f766e', '#1f2937'],
      ['#0f766e', '#1f2937', '#334155'],
      ['#1f2937', '#334155', '#0f766e'],
    ]);
  });

  it("uses the brief's own palette", async () => {
    expect((await sourceFor('a pen', 1, { palette: ['#102030', '#405060'] })).colors).toEqual([
      '#405060',
      '#102030',
    ]);
  });

  it('never shows the same look twice in a row, and answers the same for the same input', async () => {
    const key = (s: VisualSource) => JSON.stringify(s);
    const looks = await Promise.all(Array.from({ length: 8 }, (_, i) => sourceFor('a pen on a table', i)));
    for (let i = 1; i < looks.length; i++) expect(key(looks[i]!)).not.toBe(key(looks[i - 1]!));
    const combos = new Set(looks.map((l) => `${l.pattern}/${l.motion}`));
    expect(combos.size).toBe(4);
    expect(await sourceFor('a pen on a table', 5)).toEqual(looks[5]);
  });
});
