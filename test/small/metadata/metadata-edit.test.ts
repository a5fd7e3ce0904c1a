import { describe, expect, it } from 'vitest';
import { checkMetadataEdit, type MetadataEditTarget } from '../../../src/domain/metadata/index.js';

const current = {
  tiktok: { caption: 'Now', aiGenerated: true },
  youtube: { title: 'Title', description: 'About', tags: ['coffee'], aiGenerated: true },
};
const generated: MetadataEditTarget = { source: 'generated', platforms: ['tiktok', 'youtube'], current };

describe('checkMetadataEdit', () => {
  it('merges an edit of one platform over the current texts', () => {
    const edited = checkMetadataEdit({ tiktok: { caption: 'New', aiGenerated: true } }, generated);
    expect(edited).toEqual({ ...current, tiktok: { caption: 'New', aiGenerated: true } });
  });

  it('lets an uploaded video say it is not AI-generated', () => {
    const upload: MetadataEditTarget = { ...generated, source: 'upload', current: null };
    expect(checkMetadataEdit({ tiktok: { caption: 'Mine', aiGenerated: false } }, upload)).toEqual({
      tiktok: { caption: 'Mine', aiGenerated: false },
    });
  });

  it.each<[string, unknown, RegExp]>([
    ['a wrong type', { tiktok: { caption: 1, aiGenerated: true } }, /metadata\.tiktok\.caption/],
    [
      'a platform the video is not for',
      { instagram: { caption: 'x', aiGenerated: true } },
      /not for instagram/,
    ],
    [
      'the disclosure off',
      { youtube: { ...current.youtube, aiGenerated: false } },
      /aiGenerated true for youtube/,
    ],
    ['a title with angle brackets', { youtube: { ...current.youtube, title: '<b>' } }, /"<" or ">"/],
  ])('refuses %s with invalid_metadata', (_name, value, message) => {
    expect(() => checkMetadataEdit(value, generated)).toThrow(message);
    expect(() => checkMetadataEdit(value, generated)).toThrow(
      expect.objectContaining({ code: 'invalid_metadata' }),
    );
  });
});
