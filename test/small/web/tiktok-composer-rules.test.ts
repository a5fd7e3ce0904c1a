import { describe, expect, it } from 'vitest';
import {
  blockers,
  brandedContentControl,
  commercialLabel,
  declarations,
  initialTiktokDraft,
  interactionControl,
  privacyChoices,
  tiktokPayload,
  type TiktokCreatorInfo,
  type TiktokDraft,
} from '../../../src/web/features/publish/tiktokComposerRules.js';

// One block per item of TikTok's Content Sharing Guidelines (PLATFORMS.md §1.5).

const publicCreator: TiktokCreatorInfo = {
  platform: 'tiktok',
  creator: { nickname: 'AI Factory', username: 'ai.factory', avatarUrl: null },
  privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  commentDisabled: false,
  duetDisabled: false,
  stitchDisabled: false,
  maxVideoPostDurationSec: 600,
  canPostNow: true,
  directPostAvailable: true,
  draftAvailable: true,
  unauditedApp: false,
  reason: null,
};
const privateCreator: TiktokCreatorInfo = {
  ...publicCreator,
  privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  duetDisabled: true,
};
const unaudited: TiktokCreatorInfo = { ...privateCreator, duetDisabled: false, unauditedApp: true };

const fresh = initialTiktokDraft('Cold brew #coffee');
const with_ = (part: Partial<TiktokDraft>): TiktokDraft => ({ ...fresh, ...part });
const THIRTY_S = 30_000;

describe('TikTok composer rules', () => {
  it('1. creator info: a creator who cannot post now blocks every way of posting, with TikTok’s reason', () => {
    const busy = { ...publicCreator, canPostNow: false, reason: 'You have posted too often today.' };
    const ready = with_({ privacyLevel: 'PUBLIC_TO_EVERYONE' });
    expect(blockers(busy, ready, THIRTY_S, 'direct')).toContain('You have posted too often today.');
    expect(blockers(busy, ready, THIRTY_S, 'draft')).toContain('You have posted too often today.');
    expect(blockers(publicCreator, ready, THIRTY_S, 'direct')).toEqual([]);
  });

  it.each([
    [600_000, 600, false],
    [600_001, 600, true],
    [200_000, 180, true],
  ])('1. creator info: a %i ms video against a %i s maximum is blocked: %s', (ms, max, blocked) => {
    const info = { ...publicCreator, maxVideoPostDurationSec: max };
    const found = blockers(info, with_({ privacyLevel: 'SELF_ONLY' }), ms, 'direct');
    expect(found.some((reason) => reason.includes('this account can post videos up to'))).toBe(blocked);
  });

  it('2. privacy: the choices are exactly the creator’s options, and none is picked at first', () => {
    expect(fresh.privacyLevel).toBe('');
    expect(privacyChoices(publicCreator, fresh).map((choice) => choice.value)).toEqual(
      publicCreator.privacyLevelOptions,
    );
    expect(privacyChoices(privateCreator, fresh).map((choice) => choice.value)).toEqual(
      privateCreator.privacyLevelOptions,
    );
    expect(blockers(publicCreator, fresh, THIRTY_S, 'direct')).toEqual(['Choose who can see this post.']);
  });

  it('2. privacy: an unaudited app offers only "Only me"', () => {
    const withPublic = { ...unaudited, privacyLevelOptions: publicCreator.privacyLevelOptions };
    expect(privacyChoices(withPublic, fresh).map((choice) => choice.value)).toEqual(['SELF_ONLY']);
    expect(blockers(withPublic, with_({ privacyLevel: 'PUBLIC_TO_EVERYONE' }), THIRTY_S, 'direct')).toEqual([
      'That privacy setting is not offered for this account.',
    ]);
  });

  it('2. title: the caption starts from the version’s text and may be edited, within 2200 characters', () => {
    expect(fresh.caption).toBe('Cold brew #coffee');
    const long = with_({ privacyLevel: 'SELF_ONLY', caption: 'x'.repeat(2201) });
    expect(blockers(publicCreator, long, THIRTY_S, 'direct')).toEqual([
      'Keep the caption to 2,200 characters.',
    ]);
  });

  it('3. interactions: unchecked at first, and greyed out with the reason when the creator turned them off', () => {
    expect(fresh.allow).toEqual({ comment: false, duet: false, stitch: false });
    expect(interactionControl(privateCreator, 'duet')).toEqual({
      enabled: false,
      why: 'Duets are turned off in this account’s TikTok settings.',
    });
    expect(interactionControl(privateCreator, 'comment')).toEqual({ enabled: true, why: null });
    const allowed = with_({ privacyLevel: 'SELF_ONLY', allow: { comment: true, duet: true, stitch: true } });
    // A box the creator's settings disable never lets the interaction through.
    expect(tiktokPayload(privateCreator, allowed, 'direct')).toMatchObject({
      disableComment: false,
      disableDuet: true,
      disableStitch: false,
    });
  });

  it('4. commercial content: off at first; once on, "Your brand" or "Branded content" must be picked', () => {
    expect(fresh.commercial).toBe(false);
    const on = with_({ privacyLevel: 'PUBLIC_TO_EVERYONE', commercial: true });
    expect(blockers(publicCreator, on, THIRTY_S, 'direct')).toHaveLength(1);
    expect(blockers(publicCreator, { ...on, brandOrganic: true }, THIRTY_S, 'direct')).toEqual([]);
    expect(commercialLabel({ ...on, brandOrganic: true })).toContain('Promotional content');
    expect(commercialLabel({ ...on, brandedContent: true })).toContain('Paid partnership');
  });

  it('4. commercial content: branded content cannot be private, either way round', () => {
    const branded = with_({ commercial: true, brandedContent: true });
    const onlyMe = privacyChoices(publicCreator, branded).find((choice) => choice.value === 'SELF_ONLY');
    expect(onlyMe?.enabled).toBe(false);
    expect(onlyMe?.why).toMatch(/can’t be private/);
    expect(brandedContentControl(with_({ privacyLevel: 'SELF_ONLY' })).enabled).toBe(false);
    expect(blockers(publicCreator, { ...branded, privacyLevel: 'SELF_ONLY' }, THIRTY_S, 'direct')).toContain(
      onlyMe?.why,
    );
  });

  it('5. declaration: music usage always, the Branded Content Policy only with branded content', () => {
    expect(declarations(fresh)).toEqual({ music: true, brandedContentPolicy: false });
    expect(declarations(with_({ commercial: true, brandOrganic: true }))).toEqual({
      music: true,
      brandedContentPolicy: false,
    });
    expect(declarations(with_({ commercial: true, brandedContent: true })).brandedContentPolicy).toBe(true);
    // Switching the disclosure off drops what was picked under it.
    expect(declarations(with_({ commercial: false, brandedContent: true })).brandedContentPolicy).toBe(false);
  });

  it('AI-generated label: on at first, and sent as the person leaves it', () => {
    expect(fresh.isAigc).toBe(true);
    const off = with_({ privacyLevel: 'SELF_ONLY', isAigc: false });
    expect(tiktokPayload(publicCreator, off, 'direct').isAigc).toBe(false);
  });

  it('Direct Post or drafts: each is blocked when TikTok does not offer it; drafts need no privacy', () => {
    const noDirect = { ...publicCreator, directPostAvailable: false };
    expect(blockers(noDirect, with_({ privacyLevel: 'SELF_ONLY' }), THIRTY_S, 'direct')).toHaveLength(1);
    expect(blockers(publicCreator, fresh, THIRTY_S, 'draft')).toEqual([]);
    expect(blockers({ ...publicCreator, draftAvailable: false }, fresh, THIRTY_S, 'draft')).toHaveLength(1);
  });

  it.each<[string, TiktokDraft, 'direct' | 'draft', Record<string, unknown>]>([
    [
      'a fresh direct post to everyone',
      with_({ privacyLevel: 'PUBLIC_TO_EVERYONE' }),
      'direct',
      {
        mode: 'direct',
        privacyLevel: 'PUBLIC_TO_EVERYONE',
        disableComment: true,
        disableDuet: true,
        disableStitch: true,
        brandOrganic: false,
        brandedContent: false,
        isAigc: true,
        caption: 'Cold brew #coffee',
      },
    ],
    [
      'a branded post with comments allowed',
      with_({
        privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
        allow: { comment: true, duet: false, stitch: false },
        commercial: true,
        brandOrganic: true,
        brandedContent: true,
      }),
      'direct',
      {
        mode: 'direct',
        privacyLevel: 'MUTUAL_FOLLOW_FRIENDS',
        disableComment: false,
        disableDuet: true,
        disableStitch: true,
        brandOrganic: true,
        brandedContent: true,
        isAigc: true,
        caption: 'Cold brew #coffee',
      },
    ],
    [
      'a draft (no privacy: the creator picks it in the app)',
      with_({ privacyLevel: 'SELF_ONLY', commercial: false, brandOrganic: true }),
      'draft',
      {
        mode: 'draft',
        disableComment: true,
        disableDuet: true,
        disableStitch: true,
        brandOrganic: false,
        brandedContent: false,
        isAigc: true,
        caption: 'Cold brew #coffee',
      },
    ],
  ])('payload: %s', (_name, draft, mode, expected) => {
    expect(tiktokPayload(publicCreator, draft, mode)).toEqual(expected);
  });
});
