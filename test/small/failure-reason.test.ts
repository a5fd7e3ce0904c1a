import { describe, expect, it } from 'vitest';
import { BugError, TransientError, UserError } from '../../src/domain/errors.js';
import { publicFailureReason } from '../../src/domain/failure-reason.js';

describe('publicFailureReason', () => {
  it('shows a bug by its code only, never its stderr', () => {
    const error = new BugError(
      'ffmpeg_failed',
      'ffmpeg exited with code 1:\n[mov @ 0x1] /srv/data/media/workspaces/w1/render/x.mp4: Permission denied',
    );
    const reason = publicFailureReason(error);
    expect(reason).toContain('ffmpeg_failed');
    expect(reason).not.toMatch(/\/srv|Permission denied|mov @/);
  });

  it.each([
    [
      new UserError('validation', 'media_unreadable', 'A media file could not be read'),
      'A media file could not be read',
    ],
    [new TransientError('rate_limited', 'The voice provider is busy'), 'The voice provider is busy'],
    [
      new Error("ENOENT: no such file or directory, open '/srv/data/media/workspaces/w1/voice.wav'"),
      "ENOENT: no such file or directory, open '[file]'",
    ],
    [new Error('Could not read file:///srv/data/keys/x.key\nstack detail'), 'Could not read [file]'],
    [
      new Error('tiktok caption: The TikTok caption is 2300 characters long'),
      'tiktok caption: The TikTok caption is 2300 characters long',
    ],
    ['C:\\data\\media\\x.mp4 vanished', '[file] vanished'],
  ])('keeps the plain words of %s and hides server paths', (error, expected) => {
    expect(publicFailureReason(error)).toBe(expected);
  });

  it('caps a very long message', () => {
    expect(publicFailureReason(new Error('x'.repeat(2000))).length).toBeLessThanOrEqual(300);
  });
});
