import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishAdvanceInput,
  PublishOptionsInfo,
  PublishStepResult,
} from '../../../ports/platform-publisher.js';
import { DEFAULT_TIKTOK_CHUNK_BYTES } from './tiktok-chunks.js';
import { parseCreatorInfo, TiktokPublishApi } from './tiktok-publish-api.js';
import { tiktokErrorFailure, tiktokOwnFailure } from './tiktok-publish-errors.js';
import { TiktokPublishRun } from './tiktok-publish-run.js';

/** Where Tiktok is reached, and the clock that dates limits and resets. */
export interface TiktokPublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
  /** Preferred chunk size, clamped to TikTok's 5–64 MB; 10 MB by default. */
  chunkBytes?: number;
  /** Time allowed for one chunk PUT; 10 min by default. */
  chunkTimeoutMs?: number;
  /** How soon to check again while TikTok processes; 5 s by default (status/fetch allows 30 a minute). */
  pollMs?: number;
}

/** creator_info codes that mean "this creator cannot post now" rather than a broken call (§1.3). */
const CANNOT_POST_NOW = new Set([
  'spam_risk_too_many_posts',
  'spam_risk_user_banned_from_posting',
  'reached_active_user_cap',
]);

const UNAUDITED_REASON =
  'TikTok has not audited this app yet, so it only allows private posts (only the creator can see them)';
const NO_DIRECT_POST_REASON =
  'Posting directly needs TikTok’s video.publish permission, which this connection lacks; drafts still work. Reconnect TikTok and allow posting to post directly';

/** Publishing to TikTok (PLATFORMS.md §1.3): Direct Post or inbox drafts, FILE_UPLOAD in chunks streamed from disk. */
export class TiktokPublisher implements PlatformPublisher {
  readonly platform = 'tiktok' as const;
  private readonly api: TiktokPublishApi;

  constructor(readonly options: TiktokPublisherOptions) {
    this.api = new TiktokPublishApi({
      apiBaseUrl: options.baseUrls.TIKTOK_API_BASE_URL,
      timeoutMs: options.timeoutMs,
      chunkTimeoutMs: options.chunkTimeoutMs,
    });
  }

  /** Fresh creator_info: nickname, privacy options, disabled interactions, max duration and whether posting is possible. */
  async publishOptions(accessToken: string): Promise<PublishOptionsInfo> {
    const clock = this.options.clock;
    const answer = await this.api.creatorInfo(accessToken);
    if (answer.ok) {
      const info = parseCreatorInfo(answer.data);
      if (!info) throw tiktokOwnFailure('unexpected_answer', { clock });
      const unauditedApp =
        info.privacyLevelOptions.length === 1 && info.privacyLevelOptions[0] === 'SELF_ONLY';
      return {
        platform: 'tiktok',
        creator: { nickname: info.nickname, username: info.username, avatarUrl: info.avatarUrl },
        privacyLevelOptions: info.privacyLevelOptions,
        commentDisabled: info.commentDisabled,
        duetDisabled: info.duetDisabled,
        stitchDisabled: info.stitchDisabled,
        maxVideoPostDurationSec: info.maxVideoPostDurationSec,
        canPostNow: true,
        directPostAvailable: true,
        draftAvailable: true,
        unauditedApp,
        reason: unauditedApp ? UNAUDITED_REASON : null,
      };
    }
    const failure = tiktokErrorFailure(answer.code, {
      clock,
      retryAfter: answer.retryAfter,
      platformDetail: answer.detail,
      httpStatus: answer.httpStatus,
    });
    const blocked = CANNOT_POST_NOW.has(answer.code);
    const scopeMissing = answer.code === 'scope_not_authorized' || answer.code === 'scope_permission_missed';
    if (!blocked && !scopeMissing) throw failure;
    // TikTok said who cannot post, not who they are: the name and avatar come from the basic profile.
    const profile = await this.api.profile(accessToken);
    return {
      platform: 'tiktok',
      creator: { nickname: profile.nickname, username: '', avatarUrl: profile.avatarUrl },
      privacyLevelOptions: [],
      commentDisabled: false,
      duetDisabled: false,
      stitchDisabled: false,
      // Drafts are checked against TikTok's API maximum (§1.6: 10 min), having no creator-specific one.
      maxVideoPostDurationSec: blocked ? 0 : 600,
      canPostNow: !blocked,
      directPostAvailable: false,
      draftAvailable: !blocked,
      unauditedApp: false,
      reason: blocked ? failure.message : NO_DIRECT_POST_REASON,
    };
  }

  /** Starts, resumes or checks one publication from its journal, never sending an init or a byte twice blindly. */
  async advance(input: PublishAdvanceInput): Promise<PublishStepResult> {
    if (input.options.platform !== 'tiktok') {
      throw new BugError('wrong_platform', `TikTok cannot publish ${input.options.platform} options`);
    }
    const run = new TiktokPublishRun(
      this.api,
      {
        clock: this.options.clock,
        chunkBytes: this.options.chunkBytes ?? DEFAULT_TIKTOK_CHUNK_BYTES,
        pollMs: this.options.pollMs ?? 5000,
      },
      input.accessToken,
      input.options,
      input.video,
      input.journal,
    );
    return run.advance();
  }
}
