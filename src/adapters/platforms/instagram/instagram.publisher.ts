import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishOptionsInfo,
  PublishStepResult,
} from '../../../ports/platform-publisher.js';

/** Where Instagram is reached, and the clock that dates limits and resets. */
export interface InstagramPublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

/** Publishing to Instagram (PLATFORMS.md). Not built yet: every call throws. */
export class InstagramPublisher implements PlatformPublisher {
  readonly platform = 'instagram' as const;

  constructor(readonly options: InstagramPublisherOptions) {}

  async publishOptions(): Promise<PublishOptionsInfo> {
    throw new BugError('not_built', 'Instagram publishing is not built yet');
  }

  async advance(): Promise<PublishStepResult> {
    throw new BugError('not_built', 'Instagram publishing is not built yet');
  }
}
