import type { Platform } from '../../src/domain/connection.js';
import type { PublishOptions } from '../../src/domain/publishing/publication.js';
import type {
  PlatformPublisher,
  PublishJournal,
  PublishOptionsInfo,
  PublishStepResult,
  PublishVideo,
} from '../../src/ports/platform-publisher.js';

/** What one `advance` call saw. */
export interface AdvanceCall {
  accessToken: string;
  options: PublishOptions;
  video: PublishVideo;
  remote: PublishJournal['remote'];
}

/** One scripted step: what `advance` does with the journal before it answers (or throws). */
export type ScriptedStep = (journal: PublishJournal, call: AdvanceCall) => Promise<PublishStepResult>;

/** Default creator_info of the fake TikTok account. */
export const FAKE_TIKTOK_OPTIONS: PublishOptionsInfo = {
  platform: 'tiktok',
  creator: { nickname: 'AI Factory', username: 'ai.factory', avatarUrl: null },
  privacyLevelOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
  commentDisabled: false,
  duetDisabled: false,
  stitchDisabled: true,
  maxVideoPostDurationSec: 600,
  canPostNow: true,
  directPostAvailable: true,
  draftAvailable: true,
  unauditedApp: false,
  reason: null,
};

/**
 * A scriptable PlatformPublisher: `options` answers publishOptions (or throws), and each `advance` takes the next
 * scripted step (the last one repeats). By default a step journals an init and answers published.
 */
export class FakePublisher implements PlatformPublisher {
  readonly calls: AdvanceCall[] = [];
  optionsCalls = 0;
  steps: ScriptedStep[] = [];
  options: PublishOptionsInfo | (() => Promise<PublishOptionsInfo>);

  constructor(readonly platform: Platform) {
    this.options =
      platform === 'tiktok'
        ? FAKE_TIKTOK_OPTIONS
        : platform === 'instagram'
          ? { platform: 'instagram', quotaTotal: 100, quotaUsage: 2, quotaLeft: 98 }
          : { platform: 'youtube', categories: [{ id: '22', title: 'People & Blogs' }], canSchedule: true };
  }

  /** Replaces the script. */
  script(...steps: ScriptedStep[]): this {
    this.steps = steps;
    return this;
  }

  async publishOptions(_accessToken: string): Promise<PublishOptionsInfo> {
    this.optionsCalls++;
    return typeof this.options === 'function' ? this.options() : this.options;
  }

  async advance(input: {
    accessToken: string;
    options: PublishOptions;
    video: PublishVideo;
    journal: PublishJournal;
  }): Promise<PublishStepResult> {
    const call = { ...input, remote: { ...input.journal.remote } };
    this.calls.push(call);
    const step = this.steps[Math.min(this.calls.length - 1, this.steps.length - 1)] ?? publishAtOnce();
    return step(input.journal, call);
  }
}

/** A step that journals an init (before and after, with a handle) and answers published with a post id. */
export function publishAtOnce(postId = 'post-1', url = 'https://example.test/p/post-1'): ScriptedStep {
  return async (journal) => {
    await journal.record('init', 'before');
    await journal.record('init', 'after', { publishId: 'pub-1' });
    await journal.status('uploading', 'Uploading');
    return { kind: 'published', postId, url, detail: 'Published', awaitingPostId: false };
  };
}
