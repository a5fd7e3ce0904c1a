import type { CatalogEntry } from './catalog.js';

const LADDER: { short: number; long: number; quality: 'uhd' | 'hd' | 'sd' }[] = [
  { short: 2160, long: 3840, quality: 'uhd' },
  { short: 1440, long: 2560, quality: 'uhd' },
  { short: 1080, long: 1920, quality: 'hd' },
  { short: 720, long: 1280, quality: 'hd' },
  { short: 540, long: 960, quality: 'sd' },
  { short: 360, long: 640, quality: 'sd' },
];
const FPS = 30;

interface VideoFile {
  id: number;
  quality: 'uhd' | 'hd' | 'sd' | 'hls';
  file_type: string;
  width: number | null;
  height: number | null;
  fps: number | null;
  link: string;
}

/** The Photo resource of the Pexels API, with media links on this fake's image host. */
export function photoResource(entry: CatalogEntry, base: string) {
  const original = `${base}/photos/${entry.id}/pexels-photo-${entry.id}.jpeg`;
  const sized = (params: string) => `${original}?auto=compress&cs=tinysrgb&${params}`;
  return {
    id: entry.id,
    width: entry.photo.width,
    height: entry.photo.height,
    url: `https://www.pexels.com/photo/${entry.slug}-${entry.id}/`,
    photographer: entry.photographer.name,
    photographer_url: `https://www.pexels.com/@user-${entry.photographer.id}`,
    photographer_id: entry.photographer.id,
    avg_color: entry.avgColor,
    src: {
      original,
      large2x: sized('dpr=2&h=650&w=940'),
      large: sized('h=650&w=940'),
      medium: sized('h=350'),
      small: sized('h=130'),
      portrait: sized('fit=crop&h=1200&w=800'),
      landscape: sized('fit=crop&h=627&w=1200'),
      tiny: sized('dpr=1&fit=crop&h=200&w=280'),
    },
    liked: false,
    alt: entry.slug.replace(/-/g, ' '),
  };
}

/** The renditions of a video, from its original size down, as (width, height, quality). */
export function renditions(video: { width: number; height: number }) {
  const portrait = video.height >= video.width;
  return LADDER.filter((r) => r.long <= Math.max(video.width, video.height)).map((r) => ({
    width: portrait ? r.short : r.long,
    height: portrait ? r.long : r.short,
    quality: r.quality,
  }));
}

/** The Video resource of the Pexels API; null for a subject without video. */
export function videoResource(entry: CatalogEntry, base: string) {
  const video = entry.video;
  if (!video) return null;
  const files: VideoFile[] = renditions(video).map((r, index) => ({
    id: entry.id * 100 + index,
    quality: r.quality,
    file_type: 'video/mp4',
    width: r.width,
    height: r.height,
    fps: FPS,
    link: `${base}/video-files/${entry.id}/${entry.id}-${r.quality}_${r.width}_${r.height}_${FPS}fps.mp4`,
  }));
  // A streaming playlist entry without dimensions, as the real API lists among the files.
  files.push({
    id: entry.id * 100 + 99,
    quality: 'hls',
    file_type: 'application/x-mpegURL',
    width: null,
    height: null,
    fps: null,
    link: `${base}/video-files/${entry.id}/playlist.m3u8`,
  });
  return {
    id: entry.id,
    width: video.width,
    height: video.height,
    url: `https://www.pexels.com/video/${entry.slug}-${entry.id}/`,
    image: `${base}/videos/${entry.id}/pictures/preview-0.jpeg`,
    full_res: null,
    tags: [],
    duration: video.duration,
    user: {
      id: entry.photographer.id,
      name: entry.photographer.name,
      url: `https://www.pexels.com/@user-${entry.photographer.id}`,
    },
    video_files: files,
    video_pictures: [0, 1, 2].map((nr) => ({
      id: entry.id * 10 + nr,
      picture: `${base}/videos/${entry.id}/pictures/preview-${nr}.jpeg`,
      nr,
    })),
  };
}
