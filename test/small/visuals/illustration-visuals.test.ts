import { describe, expect, it } from 'vitest';
import { IllustrationVisuals } from '../../../src/adapters/ai/visuals/illustration-visuals.js';
import { chooseVisuals } from '../../../src/adapters/ai/visuals/visuals-chain.js';
import { FakeMediaStore } from '../../fakes/fake-media-store.js';
import { makeBrief } from './brief.js';

// iconsFor is pure (no file is drawn), so the fake store is never touched.
const provider = new IllustrationVisuals(new FakeMediaStore());

describe('IllustrationVisuals.iconsFor', () => {
  it("puts the cue's pictures first, then the topic's, at most three", () => {
    const brief = makeBrief({ topic: 'Why octopuses have three hearts' });
    const beat = { text: 'Two hearts pump blood.', visualCue: 'detail shot of blood and a rocket' };
    expect(provider.iconsFor({ brief, beat })).toEqual(['drop-of-blood', 'rocket', 'octopus']);
  });

  it('shows the topic when the cue is vague, so every beat stays on the subject', () => {
    const brief = makeBrief({ topic: 'Why octopuses have three hearts' });
    const beat = { text: 'Simple usually beats complicated.', visualCue: 'person looking at the scene' };
    expect(provider.iconsFor({ brief, beat })).toEqual(['octopus', 'red-heart']);
  });

  it('finds nothing when neither the cue nor the topic names a picture', () => {
    const brief = makeBrief({ topic: 'Consistency over perfection' });
    const beat = { text: 'Keep going.', visualCue: 'slow pan across a calm scene' };
    expect(provider.iconsFor({ brief, beat })).toEqual([]);
  });

  it('answers null then, so the chain falls back to the generated background', async () => {
    const brief = makeBrief({ topic: 'Consistency over perfection' });
    const input = {
      workspaceId: 'w1',
      brief,
      beat: { text: 'Keep going.', visualCue: 'slow pan across a calm scene' },
      beatIndex: 0,
    };
    expect(await provider.choose(input)).toBeNull();
    expect((await chooseVisuals([provider], input)).kind).toBe('generated');
  });

  it('names the icon set and its edition in its id (part of the stage cache key)', () => {
    expect(provider.id).toMatch(/^illustration:fluent-emoji-flat@\d+:v1$/);
  });
});
