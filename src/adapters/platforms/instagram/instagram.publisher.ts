import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { InstagramPublishOptions } from '../../../domain/publishing/publication.js';
import { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishAdvanceInput,
  PublishJournal,
  PublishOptionsInfo,
  PublishStepResult,
  PublishVideo,
} from '../../../ports/platform-publisher.js';
import { asNumber, asText } from './body-fields.js';
import { InstagramGraphClient } from './instagram-graph-client.js';
import { findPublishErrorRow, publishErrorCode } from './instagram-publish-errors.js';
import { InstagramPublishLimits } from './instagram-publish-limits.js';
import { parseProfile } from './profile-response.js';
import {
  matchPublishedMedia,
  parseContainerState,
  parseId,
  type ContainerState,
} from './publish-responses.js';

/** Where Instagram is reached, the clock that dates limits and resets, and how containers are watched. */
export interface InstagramPublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
  /** How long to wait between two looks at a processing container (default 10 s). */
  pollIntervalMs?: number;
  /** How long a container may stay IN_PROGRESS before it is replaced (default 10 min). */
  processingDeadlineMs?: number;
  /** Containers made for one publication before it fails (default 3). */
  maxContainers?: number;
}

/** What one advance works with: the inputs, and the saved state as this run has changed it. */
interface Run {
  token: string;
  options: InstagramPublishOptions;
  video: PublishVideo;
  journal: PublishJournal;
  saved: PublishJournal['remote'];
  igUserId: string;
}

/**
 * Reels through the Instagram API with Instagram Login (PLATFORMS.md §2.2): a container that fetches the signed
 * video URL, polled until FINISHED, then media_publish once. The journal keeps `igUserId`, `containerId`
 * (`containers` made so far), `publishRequestedAt` and `mediaId`; a resumed run asks Instagram about the container
 * before anything else, and a PUBLISHED container is never published again.
 */
export class InstagramPublisher implements PlatformPublisher {
  readonly platform = 'instagram' as const;
  private readonly graph: InstagramGraphClient;
  private readonly limits: InstagramPublishLimits;

  constructor(readonly options: InstagramPublisherOptions) {
    this.graph = new InstagramGraphClient(
      options.baseUrls.INSTAGRAM_GRAPH_BASE_URL,
      options.clock,
      options.timeoutMs,
    );
    this.limits = new InstagramPublishLimits(this.graph, options.clock);
  }

  /** The publishing quota left in the rolling 24 h window, for the composer. */
  async publishOptions(accessToken: string): Promise<PublishOptionsInfo> {
    const igUserId = await this.igUserId(accessToken);
    const limit = await this.limits.read(accessToken, igUserId);
    return {
      platform: 'instagram',
      quotaTotal: limit.total,
      quotaUsage: limit.usage,
      quotaLeft: Math.max(0, limit.total - limit.usage),
    };
  }

  /** One step: create the container, look at it, publish it once FINISHED, or adopt the post it already became. */
  async advance(input: PublishAdvanceInput): Promise<PublishStepResult> {
    if (input.options.platform !== 'instagram') {
      throw new BugError('wrong_platform', `Instagram cannot publish ${input.options.platform} options`);
    }
    const saved = { ...input.journal.remote };
    const mediaId = asText(saved.mediaId);
    // A stored media id means it is out: only its link is read, nothing is published again.
    if (mediaId !== null) return this.published(input.accessToken, mediaId);
    const igUserId = asText(saved.igUserId) ?? (await this.igUserId(input.accessToken));
    const run: Run = {
      token: input.accessToken,
      options: input.options,
      video: input.video,
      journal: input.journal,
      saved,
      igUserId,
    };
    let containerId = asText(saved.containerId);
    if (containerId === null) containerId = await this.createContainer(run);
    return this.checkContainer(run, containerId);
  }

  private async checkContainer(run: Run, containerId: string): Promise<PublishStepResult> {
    const state = parseContainerState(
      await this.graph.get(`/${containerId}`, { fields: 'status_code,status' }, run.token),
    );
    switch (state.statusCode) {
      case 'PUBLISHED':
        return this.adoptPublished(run);
      case 'FINISHED':
        return this.publish(run, containerId);
      case 'ERROR':
        return this.containerFailed(run, state);
      case 'EXPIRED':
        return this.replaceContainer(
          run,
          new PublishFailure(
            'instagram',
            'instagram.container_expired',
            'The prepared video expired on Instagram before it was published; it will be sent again.',
            'retry',
          ),
        );
      default:
        return this.stillProcessing(run, state);
    }
  }

  /**
   * POST /{ig-user-id}/media. A create whose answer was lost (a 'before' with no container id stored) is simply
   * made again: a container is not a post, an orphan expires unpublished after 24 h, and only the container stored
   * in the journal is ever published.
   */
  private async createContainer(run: Run): Promise<string> {
    const made = asNumber(run.saved.containers) ?? 0;
    await run.journal.status('uploading', 'Instagram is fetching the video');
    await this.save(run, 'container_create', 'before', {
      igUserId: run.igUserId,
      containerId: null,
      containerRequestedAt: this.now(),
      containers: made + 1,
      publishRequestedAt: null,
    });
    const { caption, shareToFeed, coverAtMs } = run.options;
    const body = await this.graph.post(
      `/${run.igUserId}/media`,
      {
        media_type: 'REELS',
        video_url: run.video.publicUrl,
        caption: caption === '' ? undefined : caption,
        share_to_feed: String(shareToFeed),
        thumb_offset: coverAtMs === null ? undefined : String(Math.max(0, Math.round(coverAtMs))),
      },
      run.token,
    );
    const id = parseId(body);
    if (id === null) throw unreadable('the new container has no id');
    await this.save(run, 'container_create', 'after', { containerId: id, containerCreatedAt: this.now() });
    await run.journal.status('processing', 'Instagram is processing the video');
    return id;
  }

  private async stillProcessing(run: Run, state: ContainerState): Promise<PublishStepResult> {
    const since =
      asNumber(run.saved.containerCreatedAt) ?? asNumber(run.saved.containerRequestedAt) ?? this.now();
    const deadline = since + (this.options.processingDeadlineMs ?? 10 * 60_000);
    if (this.now() >= deadline) {
      // An unfinished container can never have been published: dropping it cannot post twice.
      return this.replaceContainer(
        run,
        new PublishFailure(
          'instagram',
          'instagram.processing_timeout',
          'Instagram took too long to process the video; it will be sent again.',
          'retry',
        ),
      );
    }
    const detail =
      state.statusCode === 'UNKNOWN'
        ? `Instagram reports the video as ${state.status ?? 'unknown'}`
        : 'Instagram is processing the video';
    const interval = this.options.pollIntervalMs ?? 10_000;
    return { kind: 'wait', checkAgainInMs: Math.min(interval, deadline - this.now()), detail };
  }

  private async containerFailed(run: Run, state: ContainerState): Promise<PublishStepResult> {
    const row = findPublishErrorRow(null, state.subcode);
    const failure = new PublishFailure(
      'instagram',
      state.subcode === null
        ? 'instagram.container_error'
        : publishErrorCode(row?.code ?? null, state.subcode),
      row?.message ?? `Instagram could not take the video: ${state.status ?? 'no reason given'}`,
      row?.action ?? 'fail',
    );
    if (row?.recreate) return this.replaceContainer(run, failure);
    throw failure;
  }

  /** A container that can never be published (ERROR, EXPIRED, gone) gives way to a new one, a few times at most. */
  private async replaceContainer(run: Run, failure: PublishFailure): Promise<PublishStepResult> {
    const made = asNumber(run.saved.containers) ?? 1;
    if (made >= (this.options.maxContainers ?? 3)) {
      // Start afresh on a later retry by the person; the failure itself is final for this run.
      await this.save(run, 'container_discard', 'after', { containerId: null, containers: 0 });
      throw new PublishFailure(
        'instagram',
        failure.code,
        `${failure.message.replace(/;.*$/, '.')} It failed ${made} times.`,
        'fail',
      );
    }
    const id = await this.createContainer(run);
    return this.checkContainer(run, id);
  }

  /** FINISHED: check the rolling 24 h cap, then media_publish once, journaled before and after. */
  private async publish(run: Run, containerId: string): Promise<PublishStepResult> {
    await this.limits.assertRoom(run.token, run.igUserId);
    await this.save(run, 'media_publish', 'before', {
      publishRequestedAt: asNumber(run.saved.publishRequestedAt) ?? this.now(),
    });
    const answer = await this.graph.postRaw(
      `/${run.igUserId}/media_publish`,
      { creation_id: containerId },
      run.token,
    );
    if (!answer.ok) {
      const { code, subcode } = answer.error ?? { code: null, subcode: null };
      // Not ready, or (as the sandbox answers) already published: the container's status says which, next time.
      if (code === 9007 || subcode === 2207027) return this.wait('Instagram is finishing the video');
      if (subcode === 2207042) throw await this.limits.capReached(run.token, run.igUserId);
      const failure = this.graph.failure(answer);
      if (failure instanceof PublishFailure && findPublishErrorRow(code, subcode)?.recreate) {
        return this.replaceContainer(run, failure);
      }
      throw failure;
    }
    const mediaId = parseId(answer.body);
    // Without an id the post may still be out: the next run finds it from the PUBLISHED container.
    if (mediaId === null) return this.wait('Instagram published without saying the post id');
    await this.save(run, 'media_publish', 'after', { mediaId });
    return this.published(run.token, mediaId);
  }

  /**
   * The container is PUBLISHED but the media id was never stored (the publish answer was lost). Instagram's
   * container has no field naming its media, so the account's recent media are matched: same caption, published
   * no earlier than this publication's first media_publish (less 10 min of clock skew); the oldest match wins.
   */
  private async adoptPublished(run: Run): Promise<PublishStepResult> {
    const after =
      (asNumber(run.saved.publishRequestedAt) ?? asNumber(run.saved.containerRequestedAt) ?? 0) - 10 * 60_000;
    const recent = await this.limits.recentMedia(run.token, run.igUserId);
    const match = matchPublishedMedia(recent, run.options.caption, after);
    if (!match) {
      return {
        kind: 'published',
        postId: null,
        url: null,
        awaitingPostId: true,
        detail: 'Published on Instagram; looking for the post link',
      };
    }
    await this.save(run, 'media_publish', 'after', { mediaId: match.id });
    return this.published(run.token, match.id);
  }

  /** GET /{media-id}?fields=permalink,shortcode → the post's link. */
  private async published(token: string, mediaId: string): Promise<PublishStepResult> {
    let body: Record<string, unknown> = {};
    try {
      body = await this.graph.get(`/${mediaId}`, { fields: 'permalink,shortcode' }, token);
    } catch (error) {
      // The post is out whatever its link read says (it may have been deleted since): only retries propagate.
      if (!(error instanceof PublishFailure) || error.action !== 'fail') throw error;
    }
    const shortcode = asText(body.shortcode);
    const url = asText(body.permalink) ?? (shortcode ? `https://www.instagram.com/reel/${shortcode}/` : null);
    return {
      kind: 'published',
      postId: mediaId,
      url,
      awaitingPostId: false,
      detail: 'Published on Instagram',
    };
  }

  /** `/me?fields=user_id`: the professional id publishing paths take (never the token response's app-scoped id). */
  private async igUserId(accessToken: string): Promise<string> {
    const answer = this.graph.orThrow(await this.graph.getRaw('/me', { fields: 'user_id' }, accessToken));
    // parseProfile keeps 17-digit ids exact (a bare JSON number would be rounded).
    const account = parseProfile(answer.text);
    if (account === null) throw unreadable('the account has no user_id');
    return account.profile.externalAccountId;
  }

  private async save(
    run: Run,
    step: string,
    phase: 'before' | 'after',
    patch: PublishJournal['remote'],
  ): Promise<void> {
    await run.journal.record(step, phase, patch);
    Object.assign(run.saved, patch);
  }

  private wait(detail: string): PublishStepResult {
    return { kind: 'wait', checkAgainInMs: this.options.pollIntervalMs ?? 10_000, detail };
  }

  private now(): number {
    return this.options.clock.now();
  }
}

function unreadable(what: string): PublishFailure {
  return new PublishFailure(
    'instagram',
    'instagram.unreadable_answer',
    `Instagram answered oddly (${what}); it will try again.`,
    'retry',
  );
}
