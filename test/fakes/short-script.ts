import type { Script } from '../../src/domain/content.js';

/** A short written script, so the whole product pipeline renders a ~3 s video in a few seconds. */
export const SHORT_SCRIPT: Script = {
  language: 'en',
  hook: 'Cold brew is easy.',
  beats: [
    { text: 'Grind coarse.', visualCue: 'coffee beans' },
    { text: 'Steep overnight.', visualCue: 'glass jar' },
    { text: 'Filter twice.', visualCue: 'paper filter' },
  ],
  callToAction: 'Try it!',
  writer: 'edited',
};
