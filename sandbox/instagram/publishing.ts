import { parseContainerInput, thumbOffsetError } from './container-input.js';
import { containerStatus } from './container-state.js';
import { GraphFailure, graphErrors, type GraphError } from './errors.js';
import { requireScope, type Caller } from './graph-auth.js';
import { requestedFields, type GraphParams } from './graph-params.js';
import type { InstagramRuntime } from './runtime.js';
import { SCOPES } from './scopes.js';
import type { IgUser } from './store.js';
import { fetchAndCheckVideo } from './video-fetch.js';

const DAY_MS = 86_400_000;

const notReady = (userMsg: string, userTitle = 'Cannot publish'): GraphError => ({
  status: 400,
  code: 9007,
  subcode: 2207027,
  message: 'Media ID is not available',
  isTransient: false,
  userTitle,
  userMsg,
});

const containerGone = (): GraphError => ({
  status: 400,
  code: 24,
  subcode: 2207008,
  message: 'The media container does not exist or has expired',
  isTransient: false,
  userTitle: 'Media container unavailable',
  userMsg: 'Create a new media container and try again.',
});

/** Personal accounts have no access to content publishing (wording unsure; see README). */
const personalAccount = (): GraphError => ({
  status: 403,
  code: 10,
  message: '(#10) Application does not have permission for this action',
  userTitle: 'Professional account required',
  userMsg: 'Only Instagram professional accounts (Business or Creator) can publish through the API.',
});

function assertCanPublish(caller: Caller, user: IgUser): void {
  requireScope(caller, SCOPES.publish);
  if (user.accountType === 'PERSONAL') throw new GraphFailure(personalAccount());
}

/** `POST /{ig-user-id}/media`: validates, really fetches `video_url`, then records the container. */
export async function createContainer(
  rt: InstagramRuntime,
  caller: Caller,
  user: IgUser,
  params: GraphParams,
): Promise<{ id: string }> {
  assertCanPublish(caller, user);
  const input = parseContainerInput(params);
  const outcome = await fetchAndCheckVideo(input.videoUrl, rt.ctx.settings.instagram);
  if (outcome.ok && input.coverUrl === null && input.thumbOffsetMs !== null) {
    if (input.thumbOffsetMs >= outcome.durationMs)
      throw new GraphFailure(thumbOffsetError(outcome.durationMs));
  }
  const container = rt.store.addContainer({
    ...input,
    owner: user.profile,
    createdAt: rt.ctx.clock.now(),
    outcome,
  });
  return { id: container.id };
}

/** `POST /{ig-user-id}/media_publish?creation_id=…`: the §2.2 publish step with the rolling 24 h cap. */
export function publishContainer(
  rt: InstagramRuntime,
  caller: Caller,
  user: IgUser,
  params: GraphParams,
): { id: string } {
  assertCanPublish(caller, user);
  const creationId = params.get('creation_id');
  if (!creationId) throw new GraphFailure(graphErrors.missingParam('creation_id'));
  const container = rt.store.containers.get(creationId);
  if (!container || container.owner !== user.profile) throw new GraphFailure(containerGone());
  const now = rt.ctx.clock.now();
  const settings = rt.ctx.settings.instagram;
  const state = containerStatus(container, now, settings);
  if (state.statusCode === 'PUBLISHED') {
    throw new GraphFailure(notReady('This media has already been published.', 'Media already published'));
  }
  if (state.statusCode === 'EXPIRED') throw new GraphFailure(containerGone());
  if (state.statusCode !== 'FINISHED' || !container.outcome.ok) {
    throw new GraphFailure(notReady('The media is not ready to be published. Please wait a moment.'));
  }
  if (container.mediaType === 'VIDEO') {
    throw new GraphFailure({
      status: 400,
      code: 100,
      subcode: 2207089,
      message: 'Invalid parameter',
      isTransient: false,
      userTitle: 'Carousel item cannot be published standalone',
      userMsg:
        'Media created with media_type=VIDEO is a carousel item and cannot be published as a standalone post. ' +
        'To publish a standalone video, use media_type=REELS instead.',
    });
  }
  if (rt.store.publishesSince(user.profile, now - DAY_MS) >= settings.publishesPer24h) {
    throw new GraphFailure({
      status: 400,
      code: 9,
      subcode: 2207042,
      message: 'Application request limit reached',
      isTransient: false,
      userTitle: 'Publishing limit reached',
      userMsg:
        'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
    });
  }
  const media = rt.store.addMedia({
    owner: user.profile,
    containerId: container.id,
    caption: container.caption,
    shareToFeed: container.shareToFeed,
    videoUrl: container.videoUrl,
    durationMs: container.outcome.durationMs,
    publishedAt: now,
  });
  container.publishedMediaId = media.id;
  return { id: media.id };
}

/** `GET /{ig-user-id}/content_publishing_limit?fields=quota_usage,config&since=…` (rolling 24 h). */
export function publishingLimit(
  rt: InstagramRuntime,
  caller: Caller,
  user: IgUser,
  params: GraphParams,
): { data: Record<string, unknown>[] } {
  assertCanPublish(caller, user);
  const fields = requestedFields(params, ['quota_usage', 'config'], 'ContentPublishingLimit', [
    'quota_usage',
  ]);
  const now = rt.ctx.clock.now();
  let windowStart = now - DAY_MS;
  const since = params.get('since');
  if (since !== undefined) {
    const sinceMs = /^\d+$/.test(since) ? Number(since) * 1000 : NaN;
    if (!Number.isFinite(sinceMs) || sinceMs < windowStart - 1000) {
      throw new GraphFailure(
        graphErrors.invalidParam('Param since must be a unix timestamp within the last 24 hours'),
      );
    }
    windowStart = Math.max(windowStart, sinceMs);
  }
  const entry: Record<string, unknown> = {};
  if (fields.includes('quota_usage')) entry.quota_usage = rt.store.publishesSince(user.profile, windowStart);
  if (fields.includes('config')) {
    entry.config = { quota_total: rt.ctx.settings.instagram.publishesPer24h, quota_duration: 86400 };
  }
  return { data: [entry] };
}
