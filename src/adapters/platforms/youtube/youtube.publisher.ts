import type { BaseUrlName } from '../../../config/platforms.js';
import { BugError } from '../../../domain/errors.js';
import { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import type { YoutubePublishOptions } from '../../../domain/publishing/publication.js';
import type { Clock } from '../../../ports/clock.js';
import type {
  PlatformPublisher,
  PublishAdvanceInput,
  PublishJournal,
  PublishOptionsInfo,
  PublishStepResult,
  PublishVideo,
} from '../../../ports/platform-publisher.js';
import { platformFetch, platformUrl, type PlatformHttpOptions, type PlatformResponse } from '../http.js';
import { asObject, stringField } from './json-fields.js';
import { youtubePublishFailure } from './youtube-publish-errors.js';
import {
  assertChunkBytes,
  DEFAULT_CHUNK_BYTES,
  nextChunk,
  querySession,
  sendChunk,
  type SessionAnswer,
} from './youtube-resumable.js';
import { videoStatusResult } from './youtube-video-status.js';

/** Where YouTube is reached, the clock that dates limits and resets, and how the upload is cut. */
export interface YoutubePublisherOptions {
  baseUrls: Record<BaseUrlName, string>;
  clock: Clock;
  timeoutMs?: number;
  /** Bytes per chunk PUT, a multiple of 256 KiB (default 8 MiB). */
  chunkBytes?: number;
  /** Time allowed for one chunk PUT (default 5 minutes). */
  chunkTimeoutMs?: number;
  /** Wait between processing checks when YouTube gives no estimate (default 5 s). */
  pollIntervalMs?: number;
}

/** Journal steps, and the keys this publisher keeps in the publication's remote state. */
const STEP = {
  session: 'create_upload_session',
  chunk: 'upload_chunk',
  uploaded: 'upload_complete',
} as const;
/** The categories offered are those YouTube lists for this region. */
const CATEGORY_REGION = 'US';
/** A video missing from videos.list this soon after its upload is not taken for deleted yet. */
const LISTING_GRACE_MS = 10 * 60_000;
/** Chunks in a row that YouTube answers without storing more bytes before the run gives up (and retries later). */
const MAX_STALLED_CHUNKS = 3;

interface UploadInput {
  accessToken: string;
  options: YoutubePublishOptions;
  video: PublishVideo;
  journal: PublishJournal;
}

/**
 * Publishes Shorts with YouTube's resumable upload (PLATFORMS.md §3.3): the session URI and the confirmed offset
 * are journaled, so a resumed run asks the session where it stands and sends only the missing bytes.
 */
export class YoutubePublisher implements PlatformPublisher {
  readonly platform = 'youtube' as const;
  private readonly chunkBytes: number;

  constructor(readonly options: YoutubePublisherOptions) {
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    assertChunkBytes(this.chunkBytes);
  }

  /** The assignable video categories (videoCategories.list) and whether a publishAt release may be set. */
  async publishOptions(accessToken: string): Promise<PublishOptionsInfo> {
    const response = await platformFetch(
      this.apiUrl('/youtube/v3/videoCategories', { part: 'snippet', regionCode: CATEGORY_REGION }),
      { method: 'GET', headers: this.apiHeaders(accessToken) },
      this.http(),
    );
    if (!isSuccess(response)) throw this.failure(response);
    const items: unknown = asObject(response.json)?.items;
    const categories = (Array.isArray(items) ? (items as unknown[]) : []).flatMap((raw) => {
      const item = asObject(raw);
      const snippet = asObject(item?.snippet);
      const id = stringField(item, 'id');
      const title = stringField(snippet, 'title');
      return id && title && snippet?.assignable === true ? [{ id, title }] : [];
    });
    // Scheduling is always possible: the video is uploaded private and YouTube releases it at publishAt.
    return { platform: 'youtube', categories, canSchedule: true };
  }

  /** Uploads (or resumes uploading) the video, then reports YouTube's processing until the Short is out. */
  async advance(input: PublishAdvanceInput): Promise<PublishStepResult> {
    const { options } = input;
    if (options.platform !== 'youtube') {
      throw new BugError('wrong_platform', `The YouTube publisher got ${options.platform} options`);
    }
    // A stored video id means the file is on YouTube: it is never sent again, only its processing is checked.
    const storedId = textValue(input.journal.remote.videoId);
    const videoId = storedId ?? (await this.upload({ ...input, options }));
    return this.checkProcessing(input.accessToken, videoId, options, input.journal);
  }

  /** The resumable upload from wherever the journal left it; resolves with the new video's id. */
  private async upload(input: UploadInput): Promise<string> {
    const { journal, video, accessToken } = input;
    let sessionUri = textValue(journal.remote.sessionUri);
    let answer: SessionAnswer | null = sessionUri
      ? await querySession(sessionUri, { accessToken, total: video.sizeBytes }, this.http())
      : null;
    await journal.status('uploading', 'Uploading to YouTube');
    let openedHere = false;
    let stalled = 0;
    for (;;) {
      if (answer === null || answer.kind === 'gone') {
        // Opening a new session cannot post twice. With no session URI stored (a first run, or the create call's
        // answer was lost after its 'before' entry), any session YouTube may have opened holds no bytes, and a
        // session without bytes is not a video. A session that answers 404 expired unfinished: a finished one
        // answers 200/201 with its video, so a 404 session never produced one.
        if (openedHere) throw retryFailure('youtube.session_lost', 'YouTube dropped the new upload session');
        sessionUri = await this.createSession(input);
        openedHere = true;
        answer = { kind: 'incomplete', offset: 0 };
      }
      if (answer.kind === 'refused') throw this.failure(answer.response);
      if (answer.kind === 'complete') {
        await journal.record(STEP.uploaded, 'after', {
          videoId: answer.videoId,
          uploadedBytes: video.sizeBytes,
          uploadedAt: this.options.clock.now(),
        });
        await journal.status('processing', 'YouTube is processing the video');
        return answer.videoId;
      }
      const from = answer.offset;
      const chunk = nextChunk(from, video.sizeBytes, this.chunkBytes);
      answer = await sendChunk(
        sessionUri ?? '',
        { accessToken, path: video.path, total: video.sizeBytes, chunk },
        this.chunkHttp(),
      );
      if (answer.kind === 'incomplete') {
        // The Range header is the truth: YouTube may have kept less than was sent.
        await journal.record(STEP.chunk, 'after', { uploadedBytes: answer.offset });
        stalled = answer.offset > from ? 0 : stalled + 1;
        if (stalled >= MAX_STALLED_CHUNKS) {
          throw retryFailure('youtube.upload_stalled', 'YouTube stopped storing the uploaded bytes');
        }
      }
    }
  }

  /** Opens a resumable session with the video's metadata; journaled before and after, with the session URI. */
  private async createSession(input: UploadInput): Promise<string> {
    const { options, video, journal } = input;
    await journal.record(STEP.session, 'before', { sessionUri: null, uploadedBytes: 0 });
    const response = await platformFetch(
      this.apiUrl('/upload/youtube/v3/videos', { uploadType: 'resumable', part: 'snippet,status' }),
      {
        method: 'POST',
        headers: {
          ...this.apiHeaders(input.accessToken),
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-length': String(video.sizeBytes),
          'x-upload-content-type': 'video/mp4',
        },
        body: JSON.stringify(videoResource(options)),
      },
      this.http(),
    );
    if (!isSuccess(response)) throw this.failure(response);
    const sessionUri = response.headers.get('location');
    if (!sessionUri) throw retryFailure('youtube.no_session_uri', 'YouTube opened no upload session');
    await journal.record(STEP.session, 'after', { sessionUri, uploadedBytes: 0 });
    return sessionUri;
  }

  /** videos.list (status, processingDetails) of the uploaded video, read as wait / published / failure. */
  private async checkProcessing(
    accessToken: string,
    videoId: string,
    options: YoutubePublishOptions,
    journal: PublishJournal,
  ): Promise<PublishStepResult> {
    const response = await platformFetch(
      this.apiUrl('/youtube/v3/videos', { part: 'status,processingDetails', id: videoId }),
      { method: 'GET', headers: this.apiHeaders(accessToken) },
      this.http(),
    );
    if (!isSuccess(response)) throw this.failure(response);
    const items: unknown = asObject(response.json)?.items;
    const item: unknown = (Array.isArray(items) ? (items as unknown[]) : []).find(
      (i) => stringField(asObject(i), 'id') === videoId,
    );
    const pollMs = this.options.pollIntervalMs ?? 5_000;
    const uploadedAt = journal.remote.uploadedAt;
    const justUploaded =
      typeof uploadedAt !== 'number' || this.options.clock.now() - uploadedAt < LISTING_GRACE_MS;
    if (item === undefined && justUploaded) {
      return { kind: 'wait', checkAgainInMs: pollMs, detail: 'Waiting for YouTube to list the new video' };
    }
    return videoStatusResult(item ?? null, videoId, options, pollMs);
  }

  private failure(response: PlatformResponse): Error {
    return youtubePublishFailure(response, this.options.clock.now());
  }

  private apiUrl(path: string, query: Record<string, string>): string {
    return platformUrl(this.options.baseUrls.YOUTUBE_API_BASE_URL, path, query);
  }

  private apiHeaders(accessToken: string): Record<string, string> {
    return { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
  }

  private http(): PlatformHttpOptions {
    return this.options.timeoutMs === undefined ? {} : { timeoutMs: this.options.timeoutMs };
  }

  private chunkHttp(): PlatformHttpOptions {
    return { timeoutMs: this.options.chunkTimeoutMs ?? 5 * 60_000 };
  }
}

/** The videos.insert body: snippet and status; a publishAt release requires the video private until then. */
export function videoResource(options: YoutubePublishOptions): Record<string, unknown> {
  return {
    snippet: {
      title: options.title,
      description: options.description,
      tags: options.tags,
      categoryId: options.categoryId,
    },
    status: {
      privacyStatus: options.publishAt ? 'private' : options.privacyStatus,
      ...(options.publishAt ? { publishAt: options.publishAt } : {}),
      selfDeclaredMadeForKids: options.madeForKids,
      containsSyntheticMedia: options.containsSyntheticMedia,
    },
  };
}

function retryFailure(code: string, what: string): PublishFailure {
  return new PublishFailure('youtube', code, `${what}; it will try again.`, 'retry');
}

function textValue(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isSuccess(response: PlatformResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
