import { describe, expect, it } from 'vitest';
import { mediaFailReason, probeMedia } from './media-probe.js';
import { makeMp4 } from './test-support.js';

const windows = (file: Buffer, keep = 8 * 1024 * 1024) => ({
  head: file.subarray(0, keep),
  tail: file.subarray(Math.max(0, file.length - keep)),
  total: file.length,
});

describe('TikTok media checks (§1.6)', () => {
  it('reads duration, frame size and frame rate from an MP4 moov at the start or at the end', () => {
    for (const moovAtEnd of [false, true]) {
      const file = makeMp4({
        durationSec: 14,
        width: 720,
        height: 1280,
        fps: 25,
        totalBytes: 20_000_000,
        moovAtEnd,
      });
      expect(probeMedia(windows(file))).toEqual({
        container: 'mp4',
        durationSec: 14,
        width: 720,
        height: 1280,
        fps: 25,
      });
    }
  });

  it('recognises WebM and rejects unknown containers', () => {
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(100)]);
    expect(probeMedia(windows(webm))).toEqual({ container: 'webm' });
    expect(mediaFailReason(probeMedia(windows(webm)), 600)).toBeNull();
    const text = Buffer.from('GIF89a not a video');
    expect(mediaFailReason(probeMedia(windows(text)), 600)).toBe('file_format_check_failed');
  });

  it('maps each violation to its fail_reason; a valid file passes', () => {
    const reason = (spec: Parameters<typeof makeMp4>[0], max = 600) =>
      mediaFailReason(probeMedia(windows(makeMp4(spec))), max);
    expect(reason({})).toBeNull();
    expect(reason({ durationSec: 2 })).toBe('duration_check_failed');
    expect(reason({ durationSec: 200 }, 180)).toBe('duration_check_failed');
    expect(reason({ fps: 61 })).toBe('frame_rate_check_failed');
    expect(reason({ width: 5000, height: 8000 })).toBe('picture_size_check_failed');
  });
});
