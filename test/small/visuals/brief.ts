import type { Brief } from '../../../src/domain/content.js';

/** A complete brief for visuals tests; override what the test is about. */
export function makeBrief(over: Partial<Brief> = {}): Brief {
  return {
    topic: 'Morning habits',
    keyPoints: ['Drink water', 'Move a little'],
    audience: 'busy people',
    tone: 'friendly',
    language: 'en',
    durationSeconds: 30,
    stylePreset: 'clean',
    palette: [],
    font: '',
    platforms: ['tiktok'],
    voice: 'none',
    captionStyle: 'karaoke',
    music: 'none',
    ...over,
  };
}
