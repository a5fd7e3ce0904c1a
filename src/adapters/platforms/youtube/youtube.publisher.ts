import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishOptionsInfo,
  PublishStepResult,
} from '../../../ports/platform-publisher.js';

/** Where Youtube is reached, and the clock that dates limits and resets. */
export interface YoutubePublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

/** Publishing to Youtube (PLATFORMS.md). Not built yet: every call throws. */
export class YoutubePublisher implements PlatformPublisher {
  readonly platform = 'youtube' as const;

  constructor(readonly options: YoutubePublisherOptions) {}

  async publishOptions(): Promise<PublishOptionsInfo> {
    throw new BugError('not_built', 'Youtube publishing is not built yet');
  }

  async advance(): Promise<PublishStepResult> {
    throw new BugError('not_built', 'Youtube publishing is not built yet');
  }
}
