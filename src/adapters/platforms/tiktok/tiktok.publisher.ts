import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishOptionsInfo,
  PublishStepResult,
} from '../../../ports/platform-publisher.js';

/** Where Tiktok is reached, and the clock that dates limits and resets. */
export interface TiktokPublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

/** Publishing to Tiktok (PLATFORMS.md). Not built yet: every call throws. */
export class TiktokPublisher implements PlatformPublisher {
  readonly platform = 'tiktok' as const;

  constructor(readonly options: TiktokPublisherOptions) {}

  async publishOptions(): Promise<PublishOptionsInfo> {
    throw new BugError('not_built', 'Tiktok publishing is not built yet');
  }

  async advance(): Promise<PublishStepResult> {
    throw new BugError('not_built', 'Tiktok publishing is not built yet');
  }
}
