import { describe, expect, it } from 'vitest';
import {
  countOf,
  filterByKind,
  listSummary,
  mediaFacts,
} from '../../../src/web/features/media/mediaFormat.js';
import {
  emptyUploadQueue,
  isFinished,
  newEntry,
  uploadQueueReducer,
} from '../../../src/web/features/media/uploadQueue.js';
import { sizeProblem } from '../../../src/web/lib/fileSize.js';

const MB = 1024 * 1024;

describe('media facts and the list summary', () => {
  it.each([
    [{ width: 1080, height: 1920, durationMs: null, sizeBytes: 2.5 * MB }, ['1080 × 1920', '2.5 MB']],
    [
      { width: 720, height: 1280, durationMs: 12_400, sizeBytes: 900 * 1024 },
      ['720 × 1280', '0:12', '900 KB'],
    ],
    [{ width: 0, height: 0, durationMs: 95_000, sizeBytes: 512 }, ['1:35', '512 bytes']],
  ])('describes %o', (asset, facts) => {
    expect(mediaFacts(asset)).toEqual(facts);
  });

  it('counts in the words of each kind', () => {
    expect(countOf(1, 'image')).toBe('1 picture');
    expect(countOf(3, 'video')).toBe('3 clips');
    expect(countOf(2, 'audio')).toBe('2 audio files');
    expect(countOf(0, '')).toBe('0 files');
  });

  it('filters by kind and keeps everything without one', () => {
    const assets = [{ kind: 'image' as const }, { kind: 'audio' as const }, { kind: 'image' as const }];
    expect(filterByKind(assets, 'image')).toHaveLength(2);
    expect(filterByKind(assets, 'video')).toEqual([]);
    expect(filterByKind(assets, '')).toEqual(assets);
  });

  it('says when the filter has only seen the newest pages', () => {
    expect(listSummary(5, 5, '', false)).toBe('5 files.');
    expect(listSummary(24, 24, '', true)).toBe('Showing the newest 24 files.');
    expect(listSummary(2, 5, 'image', false)).toBe('2 pictures among 5 files.');
    expect(listSummary(0, 5, 'audio', false)).toBe('No audio files among 5 files.');
    expect(listSummary(1, 24, 'video', true)).toBe(
      '1 clip among the newest 24 files. Load more to look further back.',
    );
  });
});

describe('the upload queue', () => {
  it('refuses files over the limit, and empty files, before sending them', () => {
    expect(sizeProblem('a.png', 10 * MB, 10 * MB)).toBeNull();
    expect(sizeProblem('big.mov', 250 * MB, 200 * MB)).toBe(
      'big.mov is 250 MB; files up to 200 MB can be uploaded.',
    );
    expect(sizeProblem('empty.png', 0, 200 * MB)).toBe('empty.png is empty.');
    expect(newEntry(1, 'big.mov', 250 * MB, 200 * MB)).toMatchObject({ status: 'failed', sent: 0 });
    expect(newEntry(2, 'a.png', MB, 200 * MB)).toMatchObject({ status: 'waiting', error: null });
  });

  it('follows each file from waiting to done or failed, announcing each step', () => {
    let state = uploadQueueReducer(emptyUploadQueue, {
      type: 'added',
      entries: [
        newEntry(1, 'a.png', MB, 2 * MB),
        newEntry(2, 'b.mp4', 3 * MB, 2 * MB),
        newEntry(3, 'x.png', 10, 2 * MB),
      ],
    });
    expect(state.announcement).toBe(
      '2 files queued for upload. Not added: b.mp4 is 3 MB; files up to 2 MB can be uploaded.',
    );

    state = uploadQueueReducer(state, { type: 'started', id: 1 });
    expect(state.announcement).toBe('Uploading a.png.');
    state = uploadQueueReducer(state, { type: 'progress', id: 1, sent: 0.4 });
    expect(state.entries[0]).toMatchObject({ status: 'uploading', sent: 0.4 });
    expect(state.announcement).toBe('Uploading a.png.');
    state = uploadQueueReducer(state, { type: 'done', id: 1 });
    expect(state.announcement).toBe('a.png was added to the media library.');

    state = uploadQueueReducer(state, { type: 'started', id: 3 });
    state = uploadQueueReducer(state, { type: 'failed', id: 3, error: 'This file could not be read.' });
    expect(state.entries.map((entry) => entry.status)).toEqual(['done', 'failed', 'failed']);
    expect(state.entries[2]?.error).toBe('This file could not be read.');
    expect(state.announcement).toBe('x.png was not added: This file could not be read.');
    expect(state.entries.every(isFinished)).toBe(true);
  });

  it('clears finished files and keeps the ones still on their way', () => {
    let state = uploadQueueReducer(emptyUploadQueue, {
      type: 'added',
      entries: [newEntry(1, 'a.png', 1, MB), newEntry(2, 'b.png', 1, MB), newEntry(3, 'c.png', 1, MB)],
    });
    state = uploadQueueReducer(state, { type: 'done', id: 1 });
    state = uploadQueueReducer(state, { type: 'started', id: 2 });
    state = uploadQueueReducer(state, { type: 'cleared' });
    expect(state.entries.map((entry) => [entry.filename, entry.status])).toEqual([
      ['b.png', 'uploading'],
      ['c.png', 'waiting'],
    ]);
  });
});
