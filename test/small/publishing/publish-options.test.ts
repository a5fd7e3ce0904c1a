import { describe, expect, it } from 'vitest';
import type { PlatformMetadata } from '../../../src/domain/content.js';
import { UserError } from '../../../src/domain/errors.js';
import {
  resolvePublishOptions,
  type PublishOptionsContext,
  type PublishOptionsRequest,
  type TiktokCreatorRules,
  type TiktokOptionsRequest,
} from '../../../src/domain/publishing/publish-options.js';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const metadata: PlatformMetadata = {
  tiktok: { caption: 'Why the sky is blue #science', aiGenerated: true },
  instagram: { caption: 'Blue skies #science', aiGenerated: true },
  youtube: {
    title: 'Why is the sky blue?',
    description: 'Rayleigh scattering',
    tags: ['sky'],
    aiGenerated: true,
  },
};
const creator: TiktokCreatorRules = {
  privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  commentDisabled: false,
  duetDisabled: false,
  stitchDisabled: true,
  maxVideoPostDurationSec: 60,
  canPostNow: true,
  directPostAvailable: true,
  draftAvailable: true,
  reason: null,
};
const context: PublishOptionsContext = {
  metadata,
  durationMs: 20_000,
  generated: true,
  now: NOW,
  tiktok: creator,
};
const tiktok: TiktokOptionsRequest = {
  mode: 'direct',
  privacyLevel: 'PUBLIC_TO_EVERYONE',
  disableComment: false,
  disableDuet: false,
  disableStitch: true,
  brandOrganic: false,
  brandedContent: false,
  isAigc: true,
};

function refusal(request: PublishOptionsRequest, ctx: PublishOptionsContext = context) {
  try {
    resolvePublishOptions(request, ctx);
  } catch (error) {
    if (error instanceof UserError)
      return { code: error.code, field: (error.details as { field?: string }).field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('TikTok options', () => {
  it('a valid direct post keeps the choices and takes the caption from the version', () => {
    expect(resolvePublishOptions({ platform: 'tiktok', ...tiktok }, context)).toEqual({
      platform: 'tiktok',
      ...tiktok,
      caption: 'Why the sky is blue #science',
    });
  });

  it('a draft needs no privacy and keeps none', () => {
    const options = resolvePublishOptions(
      { platform: 'tiktok', ...tiktok, mode: 'draft', privacyLevel: undefined, caption: 'Mine' },
      context,
    );
    expect(options).toMatchObject({ mode: 'draft', privacyLevel: null, caption: 'Mine' });
  });

  it.each<[string, Partial<TiktokOptionsRequest>, Partial<PublishOptionsContext>, string]>([
    ['no privacy on a direct post', { privacyLevel: undefined }, {}, 'privacyLevel'],
    ['a privacy the creator is not offered', { privacyLevel: 'FOLLOWER_OF_CREATOR' }, {}, 'privacyLevel'],
    [
      'branded content posted privately',
      { privacyLevel: 'SELF_ONLY', brandedContent: true },
      {},
      'brandedContent',
    ],
    ['stitch allowed while the creator disabled it', { disableStitch: false }, {}, 'disableStitch'],
    [
      'comments allowed while the creator disabled them',
      {},
      { tiktok: { ...creator, commentDisabled: true } },
      'disableComment',
    ],
    [
      'duets allowed while the creator disabled them',
      {},
      { tiktok: { ...creator, duetDisabled: true } },
      'disableDuet',
    ],
    ['a video longer than the creator may post', {}, { durationMs: 61_000 }, 'duration'],
    ['the AI label removed from a generated video', { isAigc: false }, {}, 'isAigc'],
    ['a caption over 2200 characters', { caption: 'x'.repeat(2201) }, {}, 'caption'],
    [
      'direct post without the video.publish scope',
      {},
      { tiktok: { ...creator, directPostAvailable: false } },
      'mode',
    ],
    [
      'a creator who cannot post now',
      {},
      { tiktok: { ...creator, canPostNow: false, reason: 'Daily cap' } },
      'mode',
    ],
    ['no creator info at all', {}, { tiktok: null }, 'platform'],
  ])('refuses %s (400 invalid_option)', (_name, change, ctx, field) => {
    expect(refusal({ platform: 'tiktok', ...tiktok, ...change }, { ...context, ...ctx })).toEqual({
      code: 'invalid_option',
      field,
    });
  });

  it('a draft without the video.upload scope is refused', () => {
    expect(
      refusal(
        { platform: 'tiktok', ...tiktok, mode: 'draft' },
        { ...context, tiktok: { ...creator, draftAvailable: false } },
      ),
    ).toEqual({ code: 'invalid_option', field: 'mode' });
  });

  it('an uploaded (not generated) video may go without the AI label', () => {
    const options = resolvePublishOptions(
      { platform: 'tiktok', ...tiktok, isAigc: false },
      { ...context, generated: false },
    );
    expect(options).toMatchObject({ isAigc: false });
  });
});

describe('Instagram options', () => {
  it('defaults the caption to the version’s and keeps the cover frame', () => {
    expect(
      resolvePublishOptions({ platform: 'instagram', shareToFeed: true, coverAtMs: 1_500 }, context),
    ).toEqual({ platform: 'instagram', caption: 'Blue skies #science', shareToFeed: true, coverAtMs: 1_500 });
  });

  it.each<[string, { caption?: string; coverAtMs?: number }, string]>([
    ['a cover frame past the end', { coverAtMs: 20_000 }, 'coverAtMs'],
    ['31 hashtags', { caption: Array.from({ length: 31 }, (_, i) => `#t${i}`).join(' ') }, 'caption'],
  ])('refuses %s', (_name, change, field) => {
    expect(refusal({ platform: 'instagram', shareToFeed: true, ...change })).toEqual({
      code: 'invalid_option',
      field,
    });
  });
});

describe('YouTube options', () => {
  const youtube = {
    platform: 'youtube' as const,
    categoryId: '22',
    privacyStatus: 'public' as const,
    madeForKids: false,
    containsSyntheticMedia: true,
  };

  it('defaults the texts to the version’s', () => {
    expect(resolvePublishOptions(youtube, context)).toEqual({
      ...youtube,
      title: 'Why is the sky blue?',
      description: 'Rayleigh scattering',
      tags: ['sky'],
      publishAt: null,
    });
  });

  it('a release time goes with private, in the future', () => {
    const options = resolvePublishOptions(
      { ...youtube, privacyStatus: 'private', publishAt: '2026-05-02T09:00:00+02:00' },
      context,
    );
    expect(options).toMatchObject({ privacyStatus: 'private', publishAt: '2026-05-02T07:00:00.000Z' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a release time on a public video', { publishAt: '2026-05-02T09:00:00Z' }, 'publishAt'],
    [
      'a release time in the past',
      { privacyStatus: 'private', publishAt: '2026-05-01T11:00:00Z' },
      'publishAt',
    ],
    ['a title over 100 characters', { title: 'x'.repeat(101) }, 'title'],
    ['an empty title', { title: ' ' }, 'title'],
    ['"<" in the description', { description: 'a < b' }, 'description'],
    [
      'the synthetic-media declaration removed from a generated video',
      { containsSyntheticMedia: false },
      'containsSyntheticMedia',
    ],
  ])('refuses %s', (_name, change, field) => {
    expect(refusal({ ...youtube, ...change })).toEqual({
      code: 'invalid_option',
      field,
    });
  });
});
