import type { SandboxClock } from '../core/clock.js';
import type { GoogleSettings, PersonaId } from '../core/settings.js';
import type { WorldSettings } from '../core/world.js';
import { randomToken, seededId } from './hash.js';
import { HistoryCatalog } from './history.js';
import { durationFromFile } from './video-audience.js';
import {
  CHUNK_UNIT,
  HEAD_BYTES,
  outcomeForFile,
  type UploadSession,
  type Video,
  type VideoMetadata,
} from './video-model.js';

const DAY_MS = 86_400_000;

/** Videos (uploads and each channel's earlier posts), resumable sessions and per-channel upload counts. */
export class VideoStore {
  private readonly videos = new Map<string, Video>();
  private readonly sessions = new Map<string, UploadSession>();
  private readonly uploadsByChannel = new Map<string, number[]>();
  private readonly history: HistoryCatalog;
  private createdCount = 0;

  constructor(
    private readonly clock: SandboxClock,
    private readonly settings: () => GoogleSettings,
    private readonly seed: () => number,
    world: () => WorldSettings,
  ) {
    // Earlier posts date from before the sandbox started.
    this.history = new HistoryCatalog(clock.now(), seed, world);
  }

  /** Counts an insert against the channel's rolling 24 h cap; false means uploadLimitExceeded. */
  tryCountUpload(channelId: string): boolean {
    const now = this.clock.now();
    const recent = (this.uploadsByChannel.get(channelId) ?? []).filter((at) => now - at < DAY_MS);
    if (recent.length >= this.settings().channelUploadsPer24h) {
      this.uploadsByChannel.set(channelId, recent);
      return false;
    }
    this.uploadsByChannel.set(channelId, [...recent, now]);
    return true;
  }

  /** Opens a resumable session (valid uploadSessionSeconds on the sandbox clock). */
  openSession(
    input: Omit<UploadSession, 'id' | 'received' | 'head' | 'expiresAt' | 'videoId'>,
  ): UploadSession {
    const session: UploadSession = {
      ...input,
      id: `AUjF${randomToken(60)}`,
      received: 0,
      head: Buffer.alloc(0),
      expiresAt: this.clock.now() + this.settings().uploadSessionSeconds * 1000,
      videoId: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** A session that has not expired, or undefined (404 on the upload host). */
  liveSession(id: string): UploadSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.clock.now() >= session.expiresAt) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /**
   * Counts the bytes that arrived at `offset` (`head`: the first bytes of them); returns the new persisted size
   * (never shrinks). Only sizes and the file's first HEAD_BYTES are kept, never the rest of the media.
   */
  persist(
    session: UploadSession,
    offset: number,
    arrived: { length: number; head: Buffer },
    keepWholeChunk: boolean,
  ): number {
    const usable = keepWholeChunk ? arrived.length : Math.floor(arrived.length / CHUNK_UNIT) * CHUNK_UNIT;
    const end = offset + usable;
    if (end <= session.received) return session.received;
    if (session.head.length < HEAD_BYTES && offset <= session.head.length) {
      const wanted = arrived.head.subarray(session.head.length - offset, Math.min(HEAD_BYTES, end) - offset);
      session.head = Buffer.concat([session.head, wanted]);
    }
    session.received = end;
    return end;
  }

  /** Turns a complete session into a video (uploadStatus "uploaded", processing starts now). */
  completeSession(session: UploadSession): Video {
    const video = this.createVideo(session.owner, session.channelId, session.channelTitle, session.metadata, {
      bytes: session.received,
      head: session.head,
    });
    session.videoId = video.id;
    return video;
  }

  /**
   * Creates a video whose bytes are all in (multipart uploads and completed sessions); `head` is the whole file
   * or its first bytes, read for the container and the duration.
   */
  createVideo(
    owner: PersonaId,
    channelId: string,
    channelTitle: string,
    metadata: VideoMetadata,
    file: { bytes: number; head: Buffer },
  ): Video {
    this.createdCount += 1;
    const id = seededId(11, this.seed(), 'video', String(this.createdCount));
    const video: Video = {
      id,
      channelId,
      channelTitle,
      owner,
      metadata,
      uploadedAt: this.clock.now(),
      bytes: file.bytes,
      outcome: outcomeForFile(file.bytes, file.head, this.settings().rejectNonVideoFiles),
      deleted: false,
      durationSec: durationFromFile({ head: file.head, total: file.bytes }),
      likesHidden: false,
      audienceKey: `youtube:${id}`,
    };
    this.videos.set(video.id, video);
    return video;
  }

  /** An uploaded video or an earlier post, deleted or not. */
  video(id: string): Video | undefined {
    return this.videos.get(id) ?? this.history.video(id);
  }

  /** Every video uploaded through the API, in upload order, deleted ones included (not the earlier posts). */
  uploads(): Video[] {
    return [...this.videos.values()];
  }

  /** Every video of a channel, earlier posts included, deleted ones too. */
  videosOfChannel(channelId: string): Video[] {
    return [...this.history.ofChannel(channelId), ...this.uploads().filter((v) => v.channelId === channelId)];
  }

  /** The channel's uploads playlist: its videos that are not deleted, newest upload first. */
  uploadsPlaylist(channelId: string): Video[] {
    return this.videosOfChannel(channelId)
      .filter((v) => !v.deleted)
      .sort((a, b) => b.uploadedAt - a.uploadedAt || a.id.localeCompare(b.id));
  }
}
