import type { UserError } from '../../../domain/errors.js';
import type { PublishCheckpoint, TiktokPublishOptions } from '../../../domain/publishing/publication.js';
import type { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import type { Clock } from '../../../ports/clock.js';
import type { PublishJournal, PublishStepResult, PublishVideo } from '../../../ports/platform-publisher.js';
import { ChunkPlanError, planTiktokChunks, type TiktokChunkPlan } from './tiktok-chunks.js';
import {
  isUnanswered,
  parseCreatorInfo,
  parsePublishStatus,
  type TiktokAnswer,
  type TiktokPostInfo,
  type TiktokPublishApi,
  type TiktokPublishStatus,
} from './tiktok-publish-api.js';
import { tiktokErrorFailure, tiktokFailReasonFailure, tiktokOwnFailure } from './tiktok-publish-errors.js';
import {
  beforeInitPatch,
  forgetFailedPublish,
  readTiktokRemote,
  type TiktokRemote,
} from './tiktok-publish-state.js';
import { uploadChunks } from './tiktok-upload.js';
import { INBOX_DETAIL, knownOutcome, postUrl, PRIVATE_DETAIL, published } from './tiktok-publish-results.js';

/**
 * fail_reasons after which a new init is started at once: `internal` is TikTok's "retry with a new init" (also what
 * an upload URL that expired unfinished ends in); `auth_removed` can only be read with a token of a newer grant, so
 * the person has reconnected since. FAILED is terminal, so the failed publish can never become a post.
 */
const RESTART_REASONS = new Set(['internal', 'auth_removed']);
/** status/fetch errors that mean TikTok cannot tell about this publish any more (§1.3 fetch errors). */
const UNKNOWN_PUBLISH = new Set(['invalid_publish_id', 'token_not_authorized_for_specified_publish_id']);

/** Thrown inside a run when the live publish was forgotten and a new init may start (at most once a run). */
class RestartNeeded extends Error {}

/** Failed publishes after which a FAILED `internal` is reported instead of restarted in the same run. */
const MAX_AUTOMATIC_RESTARTS = 3;

export interface TiktokRunSettings {
  clock: Clock;
  chunkBytes: number;
  /** How soon to ask again while TikTok processes or moderates. */
  pollMs: number;
}

/** One `advance` of one TikTok publication: reads its journal, asks TikTok, moves it one step further. */
export class TiktokPublishRun {
  private remote: PublishCheckpoint['remote'];
  private restarted = false;

  constructor(
    private readonly api: TiktokPublishApi,
    private readonly settings: TiktokRunSettings,
    private readonly accessToken: string,
    private readonly options: TiktokPublishOptions,
    private readonly video: PublishVideo,
    private readonly journal: PublishJournal,
  ) {
    this.remote = { ...journal.remote };
  }

  /** The next step, from what the journal says happened so far. */
  async advance(): Promise<PublishStepResult> {
    try {
      return await this.step();
    } catch (error) {
      if (!(error instanceof RestartNeeded)) throw error;
      this.restarted = true;
      return this.start(false);
    }
  }

  private async step(): Promise<PublishStepResult> {
    const state = this.state();
    const known = knownOutcome(state);
    // A stored outcome is final: TikTok is not asked again, let alone posted to again.
    if (known) return known;
    // No live publish: none was started, the last one failed, or the last init was never answered. An unanswered
    // FILE_UPLOAD init got no bytes (its upload_url was never read), so it can never become a post: starting
    // again cannot post twice (decision 0022).
    if (!state.publishId) return this.start(state.initState === 'sent');
    return this.onStatus(await this.status(state.publishId));
  }

  /** status/fetch, mapped: refusals throw, except for a publish that cannot have posted (see below). */
  private async status(publishId: string): Promise<TiktokPublishStatus> {
    const answer = await this.api.status(this.accessToken, publishId);
    if (!answer.ok) {
      const state = this.state();
      // TikTok no longer knows the publish (or it belongs to an older grant). Without its last chunk it cannot
      // have become a post, so it is forgotten and the upload starts again; with it, the outcome is unknown.
      if (UNKNOWN_PUBLISH.has(answer.code) && !state.lastChunkSent && !this.restarted) {
        await this.record('status', 'after', forgetFailedPublish(state, answer.code));
        throw new RestartNeeded();
      }
      throw this.failure(answer);
    }
    const status = parsePublishStatus(answer.data);
    if (!status) throw this.own('unexpected_answer');
    return status;
  }

  private state(): TiktokRemote {
    return readTiktokRemote(this.remote);
  }

  private async record(step: string, phase: 'before' | 'after', patch?: PublishCheckpoint['remote']) {
    await this.journal.record(step, phase, patch);
    this.remote = { ...this.remote, ...patch };
  }

  /** creator_info (Direct Post), then init; on an answer, the upload. */
  private async start(afterUnansweredInit: boolean): Promise<PublishStepResult> {
    const plan = this.plan();
    const direct = this.options.mode === 'direct';
    const creator = direct ? await this.checkCreator() : null;
    await this.journal.status(
      'uploading',
      afterUnansweredInit
        ? 'TikTok did not answer the last start of the upload; nothing was sent through it, so it starts again'
        : 'Starting the upload to TikTok',
    );
    await this.record(
      'init',
      'before',
      beforeInitPatch({
        mode: this.options.mode,
        plan,
        username: creator?.username ?? this.state().username,
        privacyLevel: direct ? this.options.privacyLevel : null,
      }),
    );
    let answer: TiktokAnswer;
    try {
      answer = await this.api.init(this.accessToken, direct ? this.postInfo() : null, plan);
    } catch (error) {
      // No answer: `initState` stays `sent`; the next run starts again (no bytes went through this one).
      if (isUnanswered(error)) throw this.own('init_unanswered');
      throw error;
    }
    if (!answer.ok) {
      // A TikTok fault (5xx) may have created a publish, but without our bytes it cannot post: same as no answer.
      if (answer.code === 'internal_error' || answer.httpStatus >= 500) throw this.own('init_unanswered');
      await this.record('init', 'after', { initState: 'refused' });
      throw this.failure(answer);
    }
    const publishId = typeof answer.data.publish_id === 'string' ? answer.data.publish_id : '';
    const uploadUrl = typeof answer.data.upload_url === 'string' ? answer.data.upload_url : '';
    if (!publishId || !uploadUrl) throw this.own('init_unanswered');
    await this.record('init', 'after', {
      initState: 'answered',
      publishId,
      uploadUrl,
      uploadUrlIssuedAt: this.settings.clock.now(),
    });
    return this.upload(0);
  }

  /** Fresh creator_info before a Direct Post: the privacy is still offered, the video not too long. */
  private async checkCreator() {
    const answer = await this.api.creatorInfo(this.accessToken);
    if (!answer.ok) throw this.failure(answer);
    const info = parseCreatorInfo(answer.data);
    if (!info) throw this.own('unexpected_answer');
    const privacy = this.options.privacyLevel;
    if (!privacy || !info.privacyLevelOptions.includes(privacy)) {
      throw tiktokErrorFailure('privacy_level_option_mismatch', { clock: this.settings.clock });
    }
    if (this.video.durationMs > info.maxVideoPostDurationSec * 1000) throw this.own('video_too_long');
    return info;
  }

  private postInfo(): TiktokPostInfo {
    const o = this.options;
    return {
      title: o.caption,
      privacy_level: o.privacyLevel ?? 'SELF_ONLY',
      disable_duet: o.disableDuet,
      disable_comment: o.disableComment,
      disable_stitch: o.disableStitch,
      video_cover_timestamp_ms: Math.max(0, Math.round(this.video.coverAtMs)),
      brand_content_toggle: o.brandedContent,
      brand_organic_toggle: o.brandOrganic,
      is_aigc: o.isAigc,
    };
  }

  private plan(): TiktokChunkPlan {
    try {
      return planTiktokChunks(this.video.sizeBytes, this.settings.chunkBytes);
    } catch (error) {
      if (error instanceof ChunkPlanError) throw this.own('video_too_large');
      throw error;
    }
  }

  /** Sends the chunks from `offset`, then reads the status once. */
  private async upload(offset: number): Promise<PublishStepResult> {
    const state = this.state();
    if (!state.publishId || !state.uploadUrl || !state.plan) throw this.own('unexpected_answer');
    const outcome = await uploadChunks({
      api: this.api,
      accessToken: this.accessToken,
      publishId: state.publishId,
      uploadUrl: state.uploadUrl,
      plan: state.plan,
      path: this.video.path,
      from: offset,
      record: (step, phase, patch) => this.record(step, phase, patch),
      status: () => this.status(state.publishId as string),
      fail: (code) => this.own(code),
      progress: (detail) => this.journal.status('uploading', detail),
    });
    if (outcome.kind === 'stopped') return this.onStatus(outcome.status);
    if (outcome.kind === 'expired') {
      return this.wait(
        'The upload link expired; waiting for TikTok to close that upload before starting again',
      );
    }
    await this.journal.status('processing', 'TikTok is processing the video');
    return this.onStatus(await this.status(state.publishId));
  }

  /** What a status means for this publication. */
  private async onStatus(s: TiktokPublishStatus): Promise<PublishStepResult> {
    const state = this.state();
    switch (s.status) {
      case 'PROCESSING_UPLOAD': {
        if (state.uploadComplete) return this.wait('TikTok is processing the video');
        const offset = s.uploadedBytes ?? state.uploadedBytes;
        if (state.plan && offset >= state.plan.videoSize) {
          await this.record('upload', 'after', { uploadedBytes: offset, uploadComplete: true });
          return this.wait('TikTok is processing the video');
        }
        return this.upload(offset);
      }
      case 'PROCESSING_DOWNLOAD':
        return this.wait('TikTok is processing the video');
      case 'PUBLISH_COMPLETE':
        return this.complete(s.postIds[0] ?? null);
      case 'SEND_TO_USER_INBOX':
        await this.record('status', 'after', { outcome: 'sent_to_inbox' });
        return published(null, null, false, INBOX_DETAIL);
      case 'FAILED':
        return this.failed(s.failReason);
      default:
        // An unknown status is waited on, never treated as done; the service bounds how long (§5 gotcha 3).
        return this.wait(`TikTok reports the upload as ${s.status}`);
    }
  }

  private async complete(postId: string | null): Promise<PublishStepResult> {
    const state = this.state();
    if (postId) {
      await this.record('status', 'after', { outcome: 'posted', postId });
      return published(postId, postUrl(state.username, postId), false, 'Posted on TikTok');
    }
    if (state.privacyLevel === 'SELF_ONLY') {
      await this.record('status', 'after', { outcome: 'posted_private' });
      return published(null, null, false, PRIVATE_DETAIL);
    }
    return published(null, null, true, 'Posted on TikTok; TikTok gives its link once its review is over');
  }

  /** FAILED is terminal: the publish is forgotten, then restarted (internal, auth_removed) or reported. */
  private async failed(reason: string | null): Promise<PublishStepResult> {
    const state = this.state();
    await this.record('status', 'after', forgetFailedPublish(state, reason));
    const why = reason ?? 'internal';
    if (RESTART_REASONS.has(why) && !this.restarted && state.failedPublishes < MAX_AUTOMATIC_RESTARTS) {
      this.restarted = true;
      return this.start(false);
    }
    throw tiktokFailReasonFailure(why, { clock: this.settings.clock });
  }

  private wait(detail: string): PublishStepResult {
    return { kind: 'wait', checkAgainInMs: this.settings.pollMs, detail };
  }

  private failure(answer: Extract<TiktokAnswer, { ok: false }>): PublishFailure | UserError {
    return tiktokErrorFailure(answer.code, {
      clock: this.settings.clock,
      retryAfter: answer.retryAfter,
      platformDetail: answer.detail,
      httpStatus: answer.httpStatus,
    });
  }

  private own(code: Parameters<typeof tiktokOwnFailure>[0]): PublishFailure | UserError {
    return tiktokOwnFailure(code, { clock: this.settings.clock });
  }
}
