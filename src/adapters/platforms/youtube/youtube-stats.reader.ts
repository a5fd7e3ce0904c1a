import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import type { Clock } from '../../../ports/clock.js';
import type { AccountPost, PlatformStatsReader, PostReading } from '../../../ports/platform-stats.js';
import {
  platformFetch,
  platformRefused,
  platformUrl,
  throwIfTransient,
  type PlatformResponse,
} from '../http.js';
import { asObject, stringField } from './json-fields.js';
import { noChannelError } from './youtube-channel.js';
import { countersOf, isoDurationSeconds, readingOf, youtubeStatsFailure } from './youtube-stats-fields.js';
import { shortUrl } from './youtube-video-status.js';

/** Where YouTube is reached and the clock that dates the quota reset. */
export interface YoutubeStatsReaderOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
}

/** videos.list takes at most 50 ids; playlistItems.list pages by at most 50. */
const MAX_IDS = 50;

/**
 * Reads public numbers from the YouTube Data API (PLATFORMS.md §3.5): `videos.list?part=statistics` for up to 50
 * ids in one call of 1 quota unit, and the channel's earlier posts through its uploads playlist.
 */
export class YoutubeStatsReader implements PlatformStatsReader {
  readonly platform = 'youtube' as const;
  readonly maxIdsPerCall = MAX_IDS;
  readonly unitsPerCall = 1;

  constructor(private readonly options: YoutubeStatsReaderOptions) {}

  /** One videos.list call; an id YouTube leaves out of `items` (deleted, private) is no_stats. */
  async readStats(
    accessToken: string,
    _account: { externalAccountId: string },
    postIds: string[],
  ): Promise<PostReading[]> {
    if (postIds.length === 0) return [];
    if (postIds.length > MAX_IDS) {
      throw new BugError('too_many_ids', `videos.list takes at most ${MAX_IDS} ids, got ${postIds.length}`);
    }
    const items = await this.videos(accessToken, 'statistics', postIds, 'Reading YouTube statistics');
    return postIds.map((id) => readingOf(id, items.get(id)));
  }

  /**
   * One page (≤ 50) of the channel's uploads playlist, newest first, with each video's length and numbers:
   * channels.list for the playlist on the first page, then playlistItems.list and videos.list (1 unit each).
   */
  async listPosts(
    accessToken: string,
    _account: { externalAccountId: string },
    cursor: string | null,
  ): Promise<{ posts: AccountPost[]; nextCursor: string | null }> {
    const at = cursor === null ? null : parseCursor(cursor);
    const playlistId = at?.playlistId ?? (await this.uploadsPlaylist(accessToken));
    const page = await this.get(
      '/youtube/v3/playlistItems',
      {
        part: 'contentDetails,snippet',
        playlistId,
        maxResults: String(MAX_IDS),
        pageToken: at?.pageToken,
      },
      accessToken,
      'Listing the YouTube channel’s videos',
    );
    const listed = arrayOf(page.items).flatMap((item) => {
      const details = asObject(item.contentDetails);
      const id = stringField(details, 'videoId');
      return id ? [{ id, publishedAt: stringField(details, 'videoPublishedAt') }] : [];
    });
    const ids = listed.map((item) => item.id);
    const videos =
      ids.length === 0
        ? new Map<string, Record<string, unknown>>()
        : await this.videos(accessToken, 'statistics,contentDetails,snippet', ids, 'Reading YouTube videos');
    // A video gone between the two calls, or one without a date, is left out.
    const posts = listed.flatMap((item) => {
      const video = videos.get(item.id);
      const post = video ? accountPost(item.id, video, item.publishedAt) : null;
      return post ? [post] : [];
    });
    const next = stringField(page, 'nextPageToken');
    return { posts, nextCursor: next ? `${playlistId}:${next}` : null };
  }

  /** `contentDetails.relatedPlaylists.uploads` of the token's channel. */
  private async uploadsPlaylist(accessToken: string): Promise<string> {
    const what = 'Reading the YouTube channel';
    const body = await this.get(
      '/youtube/v3/channels',
      { part: 'contentDetails', mine: 'true' },
      accessToken,
      what,
    );
    const channel = arrayOf(body.items)[0];
    if (!channel) throw noChannelError();
    const uploads = stringField(asObject(asObject(channel.contentDetails)?.relatedPlaylists), 'uploads');
    if (!uploads) throw platformRefused(what, 'Google answered without the uploads playlist');
    return uploads;
  }

  /** videos.list of these ids (≤ 50) with the given parts, by id. */
  private async videos(
    accessToken: string,
    part: string,
    ids: string[],
    what: string,
  ): Promise<Map<string, Record<string, unknown>>> {
    const body = await this.get('/youtube/v3/videos', { part, id: ids.join(',') }, accessToken, what);
    const byId = new Map<string, Record<string, unknown>>();
    for (const item of arrayOf(body.items)) {
      const id = stringField(item, 'id');
      if (id) byId.set(id, item);
    }
    return byId;
  }

  /** One GET on the Data API; a refusal throws (transient, reconnect, or refused). */
  private async get(
    path: string,
    query: Record<string, string | undefined>,
    accessToken: string,
    what: string,
  ): Promise<Record<string, unknown>> {
    const response = await platformFetch(
      platformUrl(this.options.baseUrls.YOUTUBE_API_BASE_URL, path, query),
      { method: 'GET', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } },
      this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs },
    );
    throwIfTransient(response, what);
    if (!isSuccess(response)) throw youtubeStatsFailure(response, what, this.options.clock.now());
    const body = asObject(response.json);
    if (!body) throw platformRefused(what, 'Google answered without a JSON body');
    return body;
  }
}

/** An earlier post from its videos.list item (snippet, contentDetails, statistics); null without a date. */
function accountPost(
  id: string,
  video: Record<string, unknown>,
  listedAt: string | null,
): AccountPost | null {
  const snippet = asObject(video.snippet);
  const statistics = asObject(video.statistics);
  const published = Date.parse(stringField(snippet, 'publishedAt') ?? listedAt ?? '');
  if (Number.isNaN(published)) return null;
  return {
    platformPostId: id,
    title: stringField(snippet, 'title') ?? '',
    url: shortUrl(id),
    durationSec: isoDurationSeconds(stringField(asObject(video.contentDetails), 'duration')),
    publishedAt: new Date(published).toISOString(),
    counters: statistics ? countersOf(statistics) : null,
  };
}

/** The cursor of the next page: the uploads playlist and YouTube's page token. */
function parseCursor(cursor: string): { playlistId: string; pageToken: string } {
  const split = cursor.indexOf(':');
  if (split <= 0) throw new BugError('bad_cursor', 'A YouTube listing cursor is playlistId:pageToken');
  return { playlistId: cursor.slice(0, split), pageToken: cursor.slice(split + 1) };
}

function arrayOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? (value as unknown[]).flatMap((v) => {
        const object = asObject(v);
        return object ? [object] : [];
      })
    : [];
}

function isSuccess(response: PlatformResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
