/** Analytics: videos whose numbers are followed, and their append-only snapshots. */
import type { Platform } from '../../domain/connection.js';
import type { StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';
import type { Page, PageRequest } from './page.js';

export interface TrackedVideoFilter {
  platform?: Platform;
  connectionId?: string;
  seriesId?: string;
  source?: TrackedVideo['source'];
  /** publishedAt at or after. */
  from?: string;
  /** publishedAt strictly before. */
  to?: string;
}

export interface TrackedVideoRepository {
  /**
   * Inserts; when the connection already tracks this platformPostId, returns the stored one unchanged (an import
   * and a publication of the same post, or two syncs racing, make one tracked video).
   */
  create(video: TrackedVideo): Promise<TrackedVideo>;
  find(workspaceId: string, id: string): Promise<TrackedVideo | null>;
  findByPost(connectionId: string, platformPostId: string): Promise<TrackedVideo | null>;
  update(video: TrackedVideo): Promise<void>;
  /** Across workspaces: videos whose next reading is due at or before `at`, earliest first. */
  listDue(at: string, limit: number): Promise<TrackedVideo[]>;
  /** Newest published first. */
  list(workspaceId: string, filter: TrackedVideoFilter, page: PageRequest): Promise<Page<TrackedVideo>>;
  /** Every matching video (dashboards, exports, the learning loop); newest published first. */
  listAll(workspaceId: string, filter: TrackedVideoFilter): Promise<TrackedVideo[]>;
  /** Deletes every tracked video of a connection with its snapshots (retention on disconnect); returns how many. */
  deleteByConnection(workspaceId: string, connectionId: string): Promise<number>;
  /**
   * The dashboard's sums over the matching videos' denormalized newest counters (`latest`, `latestState`), per
   * connection; computed by the store so a dashboard never reads every video or snapshot.
   */
  summarize(workspaceId: string, filter: TrackedVideoFilter): Promise<TrackedVideoSummary>;
  /** The `limit` matching videos with the most views at 7 days, most first; videos without that number are left out. */
  topByViewsAt7d(workspaceId: string, filter: TrackedVideoFilter, limit: number): Promise<TrackedVideo[]>;
  /** The series among the matching videos, newest first (by first publication), at most `limit`. */
  listSeries(workspaceId: string, filter: TrackedVideoFilter, limit: number): Promise<TrackedSeries[]>;
}

/** Sums of the newest `ok` counters of one connection's matching videos; a video without numbers adds 0 to none. */
export interface ConnectionTotals {
  connectionId: string;
  platform: Platform;
  videos: number;
  views: number;
  likes: number;
  comments: number;
  shares: number;
}

export interface TrackedVideoSummary {
  /** One row per connection with at least one matching video. */
  byConnection: ConnectionTotals[];
  /** Matching videos whose newest reading has no numbers, by its state. */
  withoutNumbers: { no_stats: number; lagging: number; missing: number };
}

/** A series as seen in tracked videos: how many, when it began, and its first item (for a label). */
export interface TrackedSeries {
  seriesId: string;
  videos: number;
  firstPublishedAt: string;
  /** The smallest item id of the series (ids sort by creation time); null when none has an item. */
  firstItemId: string | null;
}

export interface SnapshotRepository {
  /**
   * Appends readings (each video's in time order); a stored snapshot is never changed. A second reading of a video
   * at the same planned age is ignored (the first stands), so a sweep run twice stores each reading once. Throws
   * when a snapshot names a video that is not in the snapshot's workspace.
   */
  append(snapshots: StatsSnapshot[]): Promise<void>;
  /** One video's readings, oldest first. */
  listForVideo(workspaceId: string, trackedVideoId: string): Promise<StatsSnapshot[]>;
  /** Readings of many videos (the learning loop, exports), oldest first within each video. */
  listForVideos(workspaceId: string, trackedVideoIds: string[]): Promise<StatsSnapshot[]>;
  /**
   * Views gained per UTC day over `ok` readings taken in [from, to), for the trend chart: the difference between
   * consecutive ok readings of each video, attributed to the day of the later one. The first ok reading of a video
   * the product published counts from 0 (it had no views when it went out); an imported video's first reading only
   * sets its baseline. Days without such a gain are absent; days come in order.
   */
  dailyGains(
    workspaceId: string,
    filter: { from: string; to: string; platform?: Platform; connectionId?: string; seriesId?: string },
  ): Promise<{ day: string; views: number; likes: number; comments: number; shares: number }[]>;
}

/** One stats API call, counted against the platform's rate limits and quota (the same way publishing counts starts). */
export interface StatsCall {
  workspaceId: string;
  connectionId: string;
  platform: Platform;
  at: string;
  /** Quota units it cost (YouTube videos.list: 1; TikTok and Instagram: 1 call). */
  units: number;
}

export interface StatsCallRepository {
  /** Records a call, before it is made, so a crash mid-call still counts it. */
  record(call: StatsCall): Promise<void>;
  /**
   * Across workspaces (a YouTube quota belongs to the app's project): units of the platform's calls at or after
   * `since`, of one connection when given.
   */
  unitsSince(filter: { platform: Platform; since: string; connectionId?: string }): Promise<number>;
  /** Forgets calls before `before` (older than any budget window); returns how many. */
  deleteBefore(before: string): Promise<number>;
}
