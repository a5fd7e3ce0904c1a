/** Publishing: version reviews and publications. */
import type { Platform } from '../../domain/connection.js';
import type { ReviewState, VersionReview } from '../../domain/publishing/review.js';
import type { Publication, PublicationStatus } from '../../domain/publishing/publication.js';
import type { Page, PageRequest } from './page.js';

export interface ReviewRepository {
  /** Creates or replaces the review of a version. */
  save(review: VersionReview): Promise<void>;
  find(workspaceId: string, versionId: string): Promise<VersionReview | null>;
  /** The review queue: most recently changed first, optionally one state. */
  list(workspaceId: string, filter: { state?: ReviewState }, page: PageRequest): Promise<Page<VersionReview>>;
  /** Reviews of every version of an item, most recently changed first. */
  listForItem(workspaceId: string, itemId: string): Promise<VersionReview[]>;
}

export interface PublicationFilter {
  status?: PublicationStatus;
  connectionId?: string;
  itemId?: string;
  /** Planned time (scheduledAt, else createdAt) at or after. */
  from?: string;
  /** Planned time strictly before. */
  to?: string;
}

export interface PublicationRepository {
  /** Inserts; when a publication with the same workspace and idempotency key exists, returns it instead. */
  create(publication: Publication): Promise<Publication>;
  find(workspaceId: string, id: string): Promise<Publication | null>;
  /**
   * Saves `publication` (whose revision is already the next one) only if the stored revision is
   * `publication.revision - 1`; false when someone else saved in between.
   */
  update(publication: Publication): Promise<boolean>;
  /** By planned time (scheduledAt, else createdAt), newest first. */
  list(workspaceId: string, filter: PublicationFilter, page: PageRequest): Promise<Page<Publication>>;
  /** The publication a platform handle belongs to, across workspaces (TikTok webhooks carry only publish_id). */
  findByPlatformRef(platform: Platform, platformRef: string): Promise<Publication | null>;
  /**
   * How many publications began (startedAt) at or after `since`, for a platform, optionally one connection:
   * the rate and daily budgets (TikTok 6 inits a minute and ~15 posts a day per creator, the YouTube quota).
   */
  countStartedSince(filter: { platform: Platform; connectionId?: string; since: string }): Promise<number>;
  /** Publications of a connection in these statuses (to resume them after a reconnect). */
  listByConnection(
    workspaceId: string,
    connectionId: string,
    statuses: PublicationStatus[],
  ): Promise<Publication[]>;
}
