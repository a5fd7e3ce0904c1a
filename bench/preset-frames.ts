/**
 * `npm run pictures:presets`: one frame per style preset, from a short offline video of the same brief, written to
 * docs/pictures/<preset>.jpg (the README shows them). Rerun it after changing how videos look.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { STYLE_PRESETS } from '../src/domain/content.js';
import { generateVideo, openFrameKit, writeFrame } from './sample-frames.js';

const OUT_DIR = join(import.meta.dirname, '..', 'docs', 'pictures');
const BRIEF = {
  topic: 'Why octopuses have three hearts',
  keyPoints: [
    'Two hearts pump blood through the gills',
    'The third heart sends blood to the rest of the body',
  ],
  durationSeconds: 15,
};
// A moment in the first beat: the picture has settled and a caption is on screen.
const AT_FRACTION = 0.3;

async function main(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const kit = await openFrameKit();
  try {
    for (const stylePreset of STYLE_PRESETS) {
      const video = await generateVideo(kit, { ...BRIEF, stylePreset });
      const out = join(OUT_DIR, `${stylePreset}.jpg`);
      await writeFrame(kit.media, video.path, video.durationMs * AT_FRACTION, out, {
        width: 540,
        height: 960,
      });
      process.stdout.write(`${out}\n`);
    }
  } finally {
    await kit.close();
  }
}

void main();
