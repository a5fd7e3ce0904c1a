import { z } from 'zod';

// Only the fields we use; zod drops the rest. Shapes from https://www.pexels.com/api/documentation/.
const videoFileSchema = z.object({
  id: z.number(),
  quality: z.string().nullable().optional(),
  file_type: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  link: z.string(),
});
const videoSchema = z.object({
  id: z.number(),
  user: z.object({ name: z.string() }),
  video_files: z.array(videoFileSchema),
});
export const videoSearchSchema = z.object({ videos: z.array(videoSchema) });

const photoSchema = z.object({
  id: z.number(),
  width: z.number(),
  height: z.number(),
  photographer: z.string(),
  src: z.object({ original: z.string(), portrait: z.string() }),
});
export const photoSearchSchema = z.object({ photos: z.array(photoSchema) });

export type PexelsVideo = z.infer<typeof videoSchema>;
export type PexelsPhoto = z.infer<typeof photoSchema>;

/** A file worth downloading for a beat. */
export interface StockCandidate {
  url: string;
  mediaType: 'image' | 'video';
  extension: 'mp4' | 'jpg' | 'png';
  credit: string;
}

const MIN_HEIGHT = 1080;
const TARGET_HEIGHT = 1920;

/**
 * The rendition of a video to use: an MP4 taller than wide and at least 1080 px tall, the smallest one that
 * still fills 1920 px when there is one (no 4K downloads for a 1080×1920 video), else the tallest. Null when
 * the video has no such file.
 */
export function pickVideoFile(video: PexelsVideo): StockCandidate | null {
  const portrait = video.video_files.flatMap((f) =>
    f.file_type === 'video/mp4' &&
    f.width !== null &&
    f.height !== null &&
    f.height > f.width &&
    f.height >= MIN_HEIGHT
      ? [{ link: f.link, height: f.height }]
      : [],
  );
  const filling = portrait.filter((f) => f.height >= TARGET_HEIGHT).sort((a, b) => a.height - b.height);
  const best = filling[0] ?? [...portrait].sort((a, b) => b.height - a.height)[0];
  if (!best) return null;
  return { url: best.link, mediaType: 'video', extension: 'mp4', credit: `${video.user.name} on Pexels` };
}

/** A photo as its portrait crop (800×1200 and up, JPEG or PNG by its name). */
export function photoCandidate(photo: PexelsPhoto): StockCandidate {
  const path = photo.src.portrait.split('?')[0] ?? '';
  return {
    url: photo.src.portrait,
    mediaType: 'image',
    extension: path.toLowerCase().endsWith('.png') ? 'png' : 'jpg',
    credit: `${photo.photographer} on Pexels`,
  };
}
