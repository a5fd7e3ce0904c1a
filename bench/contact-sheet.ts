/**
 * `npm run contact-sheet [out.jpg]`: generates the six sample briefs offline (15 s each) and writes one image with a
 * row of five frames per video, for a person to check at a glance that the pictures show the topics. Default
 * output: docs/pictures/contact-sheet.jpg.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mediaInput } from '../src/domain/render/index.js';
import { generateVideo, openFrameKit, writeFrame } from './sample-frames.js';

const BRIEFS_FILE = join(
  import.meta.dirname,
  '..',
  'test',
  'fixtures',
  'offline-writer',
  'sample-briefs.json',
);
const DEFAULT_OUT = join(import.meta.dirname, '..', 'docs', 'pictures', 'contact-sheet.jpg');
const FRAMES_PER_VIDEO = 5;
const THUMB = { width: 216, height: 384 };

interface SampleBrief {
  topic: string;
  keyPoints: string[];
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? DEFAULT_OUT;
  const briefs = JSON.parse(readFileSync(BRIEFS_FILE, 'utf8')) as SampleBrief[];
  const kit = await openFrameKit();
  try {
    let n = 0;
    for (const brief of briefs) {
      const video = await generateVideo(kit, {
        topic: brief.topic,
        keyPoints: brief.keyPoints,
        durationSeconds: 15,
      });
      // Evenly spread, away from the very first and last frames.
      for (let i = 0; i < FRAMES_PER_VIDEO; i += 1) {
        const atMs = (video.durationMs * (i + 0.5)) / FRAMES_PER_VIDEO;
        await writeFrame(kit.media, video.path, atMs, frameFile(kit.work, n), THUMB);
        n += 1;
      }
      process.stdout.write(`${brief.topic}: ${(video.durationMs / 1000).toFixed(1)} s\n`);
    }
    const tile = `tile=${FRAMES_PER_VIDEO}x${briefs.length}:padding=6:margin=6`;
    await kit.media.ffmpeg(
      [
        ...mediaInput(join(kit.work, 'frame-%03d.jpg')),
        '-vf',
        tile,
        '-frames:v',
        '1',
        '-q:v',
        '3',
        '-update',
        '1',
        out,
      ],
      out,
      { expectedMs: 1000 },
    );
    process.stdout.write(`${out}\n`);
  } finally {
    await kit.close();
  }
}

function frameFile(dir: string, n: number): string {
  return join(dir, `frame-${String(n).padStart(3, '0')}.jpg`);
}

void main();
