import type { Page, Request } from '@playwright/test';
import type { PublishOptionsView } from '../src/api/publishing.js';

// Answers for the publishing endpoints, so the TikTok composer can be tested against every kind of creator
// without a real publication flow. Shapes follow src/api/publishing.ts.

/** TikTok's publish options as the API answers them. */
export type CreatorInfo = Extract<PublishOptionsView, { platform: 'tiktok' }>;

export const publicCreator: CreatorInfo = {
  platform: 'tiktok',
  creator: { nickname: 'Cold Brew Club', username: 'coldbrew.club', avatarUrl: null },
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

export const privateCreatorNoDuet: CreatorInfo = {
  ...publicCreator,
  creator: { nickname: 'Quiet Brewer', username: 'quiet.brewer', avatarUrl: null },
  privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  duetDisabled: true,
};

export const unauditedCreator: CreatorInfo = {
  ...publicCreator,
  privacyLevelOptions: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  unauditedApp: true,
};

export const busyCreator: CreatorInfo = {
  ...publicCreator,
  canPostNow: false,
  reason: 'This account has reached TikTok’s posting limit for today.',
};

/** The clip is a few seconds long; this creator may only post 2 s videos. */
export const shortLimitCreator: CreatorInfo = { ...publicCreator, maxVideoPostDurationSec: 2 };

export interface PublishingMocks {
  /** How many times publish-options was asked for. */
  optionsRequests: number;
  /** Every POST /api/publications, as sent. */
  posts: { body: Record<string, unknown>; idempotencyKey: string | undefined }[];
  /** Changes what publish-options answers from now on. */
  setCreator: (creator: CreatorInfo) => void;
}

function publicationFrom(request: Request) {
  const body = request.postDataJSON() as {
    versionId: string;
    connectionId: string;
    scheduledAt?: string;
    timeZone?: string;
    options: Record<string, unknown>;
  };
  const now = new Date().toISOString();
  return {
    id: 'pub_fixture',
    itemId: 'item_fixture',
    versionId: body.versionId,
    connectionId: body.connectionId,
    platform: 'tiktok',
    status: body.scheduledAt ? 'scheduled' : 'queued',
    scheduledAt: body.scheduledAt ?? null,
    timeZone: body.timeZone ?? null,
    startedAt: null,
    publishedAt: null,
    attempts: 0,
    platformPostId: null,
    url: null,
    error: null,
    deferral: null,
    timeline: [{ at: now, status: body.scheduledAt ? 'scheduled' : 'queued', detail: 'Created' }],
    options: body.options,
    itemTitle: 'Cold brew at home',
    coverUrl: null,
    account: { displayName: 'AI Factory', avatarUrl: null },
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Answers the review state (approved), publish-options (the given creator) and the publications endpoints
 * (an empty list; a POST is recorded and answered with a queued publication).
 */
export async function mockPublishing(page: Page, creator: CreatorInfo): Promise<PublishingMocks> {
  let current = creator;
  const mocks: PublishingMocks = { optionsRequests: 0, posts: [], setCreator: (next) => (current = next) };
  await page.route(
    (url) => /^\/api\/versions\/[^/]+\/review$/.test(url.pathname),
    (route) => {
      const versionId = new URL(route.request().url()).pathname.split('/')[3] ?? '';
      return route.fulfill({
        json: {
          versionId,
          itemId: 'item_fixture',
          itemTitle: 'Cold brew at home',
          versionNumber: 1,
          state: 'approved',
          submittedBy: 'u1',
          submittedAt: new Date().toISOString(),
          decidedBy: 'u1',
          decidedAt: new Date().toISOString(),
          comment: null,
          approvedContentHash: 'hash',
          history: [],
          canSubmit: false,
          canDecide: false,
          coverUrl: null,
          updatedAt: new Date().toISOString(),
        },
      });
    },
  );
  await page.route(
    (url) => /^\/api\/connections\/[^/]+\/publish-options$/.test(url.pathname),
    (route) => {
      mocks.optionsRequests += 1;
      return route.fulfill({ json: current });
    },
  );
  await page.route(
    (url) => url.pathname === '/api/publications',
    (route) => {
      const request = route.request();
      if (request.method() === 'GET') return route.fulfill({ json: { items: [], nextCursor: null } });
      mocks.posts.push({
        body: request.postDataJSON() as Record<string, unknown>,
        idempotencyKey: request.headers()['idempotency-key'],
      });
      return route.fulfill({ status: 201, json: { publication: publicationFrom(request) } });
    },
  );
  return mocks;
}
