import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { nextPacificMidnight } from '../../../src/adapters/platforms/youtube/pacific-time.js';
import { YoutubeConnector } from '../../../src/adapters/platforms/youtube/youtube.connector.js';
import { QUOTA_RESET_MARGIN_MS } from '../../../src/adapters/platforms/youtube/youtube-publish-errors.js';
import { CHUNK_UNIT } from '../../../src/adapters/platforms/youtube/youtube-resumable.js';
import { YoutubePublisher } from '../../../src/adapters/platforms/youtube/youtube.publisher.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { TransientError, UserError } from '../../../src/domain/errors.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type { PublishCheckpoint, YoutubePublishOptions } from '../../../src/domain/publishing/publication.js';
import type {
  PublishJournal,
  PublishStepResult,
  PublishVideo,
} from '../../../src/ports/platform-publisher.js';
import { defaultSettings, type GoogleSettings } from '../../../sandbox/core/settings.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/youtube/callback';
const MIB = 4 * CHUNK_UNIT;

type Remote = PublishCheckpoint['remote'];

/** An in-memory journal; with `crashAfter`, the record after that many stored entries throws, as a killed worker. */
class MemoryJournal implements PublishJournal {
  readonly remote: Remote;
  readonly entries: { step: string; phase: 'before' | 'after'; patch: Remote }[] = [];
  readonly statuses: string[] = [];

  constructor(
    saved: Remote = {},
    private readonly crashAfter = Infinity,
  ) {
    this.remote = { ...saved };
  }

  async record(step: string, phase: 'before' | 'after', patch: Remote = {}): Promise<void> {
    if (this.entries.length >= this.crashAfter) throw new Error('worker killed');
    this.entries.push({ step, phase, patch });
    Object.assign(this.remote, patch);
  }

  async status(status: 'uploading' | 'processing'): Promise<void> {
    this.statuses.push(status);
  }
}

interface Env {
  harness: SandboxHarness;
  accessToken: string;
  clock: FakeClock;
  publisher(options?: { chunkBytes?: number }): YoutubePublisher;
}

let files: string;
let shortClip: PublishVideo;
let longClip: PublishVideo;
const running: SandboxHarness[] = [];

/** A real 1080x1920 H.264 MP4 made by ffmpeg; a lower CRF makes a bigger file. */
function clip(name: string, crf: number): PublishVideo {
  const path = join(files, name);
  const made = spawnSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1080x1920:rate=30:duration=2'],
    ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', String(crf), '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', path],
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  const sizeBytes = statSync(path).size;
  return { path, sizeBytes, durationMs: 2000, publicUrl: 'https://app.example.com/v/x', coverAtMs: 0 };
}

beforeAll(() => {
  files = mkdtempSync(join(tmpdir(), 'aif-youtube-publish-'));
  shortClip = clip('short.mp4', 45);
  longClip = clip('long.mp4', 18);
});
afterAll(() => rmSync(files, { recursive: true, force: true }));
afterEach(async () => {
  vi.restoreAllMocks();
  for (const harness of running.splice(0)) await harness.close();
});

/** The YouTube sandbox with `google` settings, and a connected 'public' persona's access token. */
async function start(google: Partial<GoogleSettings> = {}): Promise<Env> {
  const base = defaultSettings();
  const harness = await startSandboxHarness({
    platforms: ['youtube'],
    settings: {
      apps: { ...base.apps, google: { ...SANDBOX_APPS.youtube, redirectUris: [REDIRECT_URI] } },
      autoConsent: 'public',
      google: { ...base.google, ...google },
    },
  });
  running.push(harness);
  const connector = new YoutubeConnector({
    baseUrls: harness.baseUrls,
    app: SANDBOX_APPS.youtube,
    redirectUri: REDIRECT_URI,
  });
  const verifier = randomBytes(48).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const consent = await fetch(
    connector.authorizeUrl({ state: 's', codeChallenge: challenge, forceConsent: false }),
    {
      redirect: 'manual',
    },
  );
  const callback = connector.parseCallback(
    Object.fromEntries(new URL(consent.headers.get('location') ?? '').searchParams),
  );
  if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
  const tokens = await connector.exchangeCode({ code: callback.code, codeVerifier: verifier });
  const clock = new FakeClock(harness.sandbox.ctx.clock.now());
  return {
    harness,
    accessToken: tokens.accessToken,
    clock,
    publisher: (options = {}) => new YoutubePublisher({ baseUrls: harness.baseUrls, clock, ...options }),
  };
}

function options(overrides: Partial<YoutubePublishOptions> = {}): YoutubePublishOptions {
  return {
    platform: 'youtube',
    title: 'Three facts about octopuses',
    description: 'Made with AI Factory',
    tags: ['octopus', 'facts'],
    categoryId: '27',
    privacyStatus: 'public',
    madeForKids: false,
    containsSyntheticMedia: true,
    publishAt: null,
    ...overrides,
  };
}

/** Advances until published, moving the sandbox clock by each wait (processing follows that clock). */
async function publish(
  env: Env,
  publisher: YoutubePublisher,
  journal: PublishJournal,
  input: { video?: PublishVideo; options?: YoutubePublishOptions } = {},
): Promise<Extract<PublishStepResult, { kind: 'published' }>> {
  for (let round = 0; round < 10; round += 1) {
    const result = await publisher.advance({
      accessToken: env.accessToken,
      options: input.options ?? options(),
      video: input.video ?? shortClip,
      journal,
    });
    if (result.kind === 'published') return result;
    env.harness.sandbox.ctx.clock.advance(result.checkAgainInMs);
  }
  throw new Error('not published after 10 rounds');
}

interface SandboxVideo {
  id: string;
  bytes: number;
  title: string;
  uploadStatus: string;
  privacyStatus: string;
  publishAt: string | null;
}

async function sandboxVideos(env: Env): Promise<SandboxVideo[]> {
  const res = await fetch(`${env.harness.origin}/__sandbox/youtube/videos`);
  return ((await res.json()) as { videos: SandboxVideo[] }).videos;
}

/** Session creations the sandbox answered 200. */
function sessionsOpened(env: Env): number {
  return env.harness.sandbox.ctx.requests
    .list({ platform: 'youtube', pathIncludes: '/upload/youtube/v3/videos' })
    .filter((r) => r.method === 'POST' && r.status === 200).length;
}

/** Records the Content-Range of every PUT the publisher sends from now on. */
function watchPuts(): string[] {
  const ranges: string[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
    const headers = new Headers(init?.headers);
    if (init?.method === 'PUT') ranges.push(headers.get('content-range') ?? '');
    return realFetch(url, init);
  });
  return ranges;
}

describe('YoutubePublisher against the sandbox', () => {
  it('publish options: the assignable categories of the US list, and scheduling', async () => {
    const env = await start();
    const info = await env.publisher().publishOptions(env.accessToken);
    if (info.platform !== 'youtube') throw new Error('wrong platform');
    expect(info.canSchedule).toBe(true);
    expect(info.categories).toContainEqual({ id: '22', title: 'People & Blogs' });
    expect(info.categories.map((c) => c.id)).not.toContain('42');
  });

  it('uploads, waits while YouTube processes, then is published as a Short', async () => {
    const env = await start({ processingMs: 3000 });
    const journal = new MemoryJournal();
    const publisher = env.publisher();
    const first = await publisher.advance({
      accessToken: env.accessToken,
      options: options(),
      video: shortClip,
      journal,
    });
    expect(first).toMatchObject({ kind: 'wait', detail: expect.stringMatching(/processing/) as unknown });
    expect(journal.statuses).toEqual(['uploading', 'processing']);
    expect(journal.entries.map((e) => `${e.step}:${e.phase}`)).toEqual([
      'create_upload_session:before',
      'create_upload_session:after',
      'upload_complete:after',
    ]);
    expect(journal.remote.sessionUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*upload_id=/);

    const result = await publish(env, publisher, journal);
    const videoId = String(journal.remote.videoId);
    expect(result).toEqual({
      kind: 'published',
      postId: videoId,
      url: `https://youtube.com/shorts/${videoId}`,
      detail: 'On YouTube as a public Short',
      awaitingPostId: false,
    });
    expect(await sandboxVideos(env)).toEqual([
      expect.objectContaining({
        id: videoId,
        bytes: shortClip.sizeBytes,
        title: 'Three facts about octopuses',
        uploadStatus: 'processed',
        privacyStatus: 'public',
      }),
    ]);
  });

  it('sends a bigger file in chunks, journaling the offset each Range confirms', async () => {
    const env = await start({ processingMs: 0 });
    const puts = watchPuts();
    const journal = new MemoryJournal();
    await publish(env, env.publisher({ chunkBytes: MIB }), journal, { video: longClip });
    const total = longClip.sizeBytes;
    const chunks = Math.ceil(total / MIB);
    expect(chunks).toBeGreaterThan(2);
    expect(puts).toHaveLength(chunks);
    expect(puts[0]).toBe(`bytes 0-${MIB - 1}/${total}`);
    expect(puts.at(-1)).toBe(`bytes ${(chunks - 1) * MIB}-${total - 1}/${total}`);
    const offsets = journal.entries
      .filter((e) => e.step === 'upload_chunk')
      .map((e) => e.patch.uploadedBytes);
    expect(offsets).toEqual(Array.from({ length: chunks - 1 }, (_, i) => (i + 1) * MIB));
    expect((await sandboxVideos(env)).map((v) => v.bytes)).toEqual([total]);
  });

  it('a publishAt release is uploaded private and stays private until then', async () => {
    const env = await start({ processingMs: 0 });
    const publishAt = new Date(env.harness.sandbox.ctx.clock.now() + 86_400_000).toISOString();
    const result = await publish(env, env.publisher(), new MemoryJournal(), {
      options: options({ privacyStatus: 'public', publishAt }),
    });
    expect(result.detail).toBe(`On YouTube, private until YouTube releases it at ${publishAt}`);
    expect(await sandboxVideos(env)).toEqual([
      expect.objectContaining({ privacyStatus: 'private', publishAt }),
    ]);
  });

  it('resumes after a crash mid-upload from where YouTube stopped, never from 0, making exactly one video', async () => {
    const env = await start({ processingMs: 0 });
    const puts = watchPuts();
    // Session before + after, then two chunk offsets are stored; the worker dies recording the third chunk.
    const crashed = new MemoryJournal({}, 4);
    const publisher = env.publisher({ chunkBytes: MIB });
    await expect(
      publisher.advance({
        accessToken: env.accessToken,
        options: options(),
        video: longClip,
        journal: crashed,
      }),
    ).rejects.toThrow('worker killed');
    expect(crashed.remote.uploadedBytes).toBe(2 * MIB);
    expect(puts).toHaveLength(3);

    const total = longClip.sizeBytes;
    const resumed = new MemoryJournal(crashed.remote);
    await publish(env, env.publisher({ chunkBytes: MIB }), resumed, { video: longClip });
    // The probe, then the fourth chunk: YouTube had kept the third, whose offset never reached the journal.
    expect(puts[3]).toBe(`bytes */${total}`);
    expect(puts[4]).toBe(`bytes ${3 * MIB}-${4 * MIB - 1}/${total}`);
    expect(puts.slice(4).every((range) => !range.startsWith('bytes 0-'))).toBe(true);
    expect(sessionsOpened(env)).toBe(1);
    expect((await sandboxVideos(env)).map((v) => v.bytes)).toEqual([total]);
  });

  it('a resumed run whose upload had finished takes the video id from the probe and uploads nothing', async () => {
    const env = await start({ processingMs: 0 });
    // The last record (upload_complete) is lost: YouTube has the whole file, the journal only the session.
    const crashed = new MemoryJournal({}, 2);
    await expect(
      env
        .publisher()
        .advance({ accessToken: env.accessToken, options: options(), video: shortClip, journal: crashed }),
    ).rejects.toThrow('worker killed');
    const puts = watchPuts();
    const result = await publish(env, env.publisher(), new MemoryJournal(crashed.remote));
    expect(puts).toEqual([`bytes */${shortClip.sizeBytes}`]);
    const videos = await sandboxVideos(env);
    expect(videos).toHaveLength(1);
    expect(result.postId).toBe(videos[0]?.id);
  });

  it('an expired session (404) is replaced by a new one, and the file goes from 0 into exactly one video', async () => {
    const env = await start({ processingMs: 0, uploadSessionSeconds: 60 });
    const crashed = new MemoryJournal({}, 3);
    await expect(
      env.publisher({ chunkBytes: MIB }).advance({
        accessToken: env.accessToken,
        options: options(),
        video: longClip,
        journal: crashed,
      }),
    ).rejects.toThrow('worker killed');
    env.harness.sandbox.ctx.clock.advance(61_000);
    const resumed = new MemoryJournal(crashed.remote);
    await publish(env, env.publisher({ chunkBytes: MIB }), resumed, { video: longClip });
    expect(sessionsOpened(env)).toBe(2);
    expect(resumed.remote.sessionUri).not.toBe(crashed.remote.sessionUri);
    expect((await sandboxVideos(env)).map((v) => v.bytes)).toEqual([longClip.sizeBytes]);
  });

  it('a 503 on a chunk is a retry; the next run asks the session where it stands before sending again', async () => {
    const env = await start({ processingMs: 0 });
    const puts = watchPuts();
    env.harness.sandbox.ctx.faults.add('youtube', 'PUT /upload/youtube/v3/videos', {
      type: 'status',
      status: 503,
    });
    const journal = new MemoryJournal();
    const publisher = env.publisher({ chunkBytes: MIB });
    const failure = await rejection(
      publisher.advance({ accessToken: env.accessToken, options: options(), video: longClip, journal }),
    );
    expect(failure).toMatchObject({ code: 'youtube.backendError', action: 'retry' });
    await publish(env, publisher, journal, { video: longClip });
    expect(puts.slice(0, 3)).toEqual([
      `bytes 0-${MIB - 1}/${longClip.sizeBytes}`,
      `bytes */${longClip.sizeBytes}`,
      `bytes 0-${MIB - 1}/${longClip.sizeBytes}`,
    ]);
    expect(sessionsOpened(env)).toBe(1);
    expect(await sandboxVideos(env)).toHaveLength(1);
  });

  it('a lost answer to the session creation is safe: the next run opens a session and makes one video', async () => {
    const env = await start({ processingMs: 0 });
    env.harness.sandbox.ctx.faults.add('youtube', 'POST /upload/youtube/v3/videos', { type: 'drop' });
    const journal = new MemoryJournal();
    const lost = await rejection(
      env
        .publisher()
        .advance({ accessToken: env.accessToken, options: options(), video: shortClip, journal }),
    );
    expect(lost).toBeInstanceOf(TransientError);
    expect(journal.entries.map((e) => `${e.step}:${e.phase}`)).toEqual(['create_upload_session:before']);
    await publish(env, env.publisher(), journal);
    expect(await sandboxVideos(env)).toHaveLength(1);
  });

  it.each([
    ['legacy', { quotaMode: 'legacy', dailyQuota: 1000 }],
    ['granular', { quotaMode: 'granular', insertCallsPerDay: 0 }],
  ] as const)('quota used up (%s mode) defers to midnight Pacific time', async (_mode, google) => {
    const env = await start(google);
    const failure = await rejection(
      env.publisher().advance({
        accessToken: env.accessToken,
        options: options(),
        video: shortClip,
        journal: new MemoryJournal(),
      }),
    );
    expect(failure).toBeInstanceOf(PublishFailure);
    expect(failure).toMatchObject({
      code: 'youtube.quotaExceeded',
      action: 'defer',
      retryAt: nextPacificMidnight(env.clock.now()) + QUOTA_RESET_MARGIN_MS,
    });
    expect(await sandboxVideos(env)).toEqual([]);
  });

  it('the channel’s daily upload cap defers about a day', async () => {
    const env = await start({ channelUploadsPer24h: 0 });
    const failure = await rejection(
      env.publisher().advance({
        accessToken: env.accessToken,
        options: options(),
        video: shortClip,
        journal: new MemoryJournal(),
      }),
    );
    expect(failure).toMatchObject({
      code: 'youtube.uploadLimitExceeded',
      action: 'defer',
      retryAt: env.clock.now() + 86_400_000,
    });
  });

  it('an unverified project gets the upload locked to private, and the detail says so', async () => {
    const env = await start({ processingMs: 0, unverifiedApp: true });
    const result = await publish(env, env.publisher(), new MemoryJournal());
    expect(result.detail).toMatch(/private.*audit/);
    expect(await sandboxVideos(env)).toEqual([expect.objectContaining({ privacyStatus: 'private' })]);
  });

  it('a token revoked on Google’s side asks for a reconnect (needs_reconnect), for options and uploads', async () => {
    const env = await start();
    const revoke = await fetch(`${env.harness.origin}/__sandbox/youtube/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ persona: 'public' }),
    });
    expect(revoke.status).toBe(200);
    const upload = await rejection(
      env.publisher().advance({
        accessToken: env.accessToken,
        options: options(),
        video: shortClip,
        journal: new MemoryJournal(),
      }),
    );
    expect(upload).toBeInstanceOf(UserError);
    expect(upload).toMatchObject({ kind: 'needs_reconnect' });
    expect(await rejection(env.publisher().publishOptions(env.accessToken))).toMatchObject({
      kind: 'needs_reconnect',
    });
  });

  it('a stored video id is never uploaded again: only its processing is checked', async () => {
    const env = await start({ processingMs: 0 });
    const journal = new MemoryJournal();
    const first = await publish(env, env.publisher(), journal);
    const puts = watchPuts();
    const again = await publish(env, env.publisher(), new MemoryJournal(journal.remote));
    expect(again.postId).toBe(first.postId);
    expect(puts).toEqual([]);
    expect(await sandboxVideos(env)).toHaveLength(1);
  });

  it('processing that fails is a plain-worded failure', async () => {
    const env = await start({ processingMs: 1000 });
    const journal = new MemoryJournal();
    const first = await env
      .publisher()
      .advance({ accessToken: env.accessToken, options: options(), video: shortClip, journal });
    expect(first.kind).toBe('wait');
    await fetch(`${env.harness.origin}/__sandbox/youtube/videos/${String(journal.remote.videoId)}/outcome`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uploadStatus: 'rejected', rejectionReason: 'duplicate' }),
    });
    env.harness.sandbox.ctx.clock.advance(1000);
    const failure = await rejection(
      env
        .publisher()
        .advance({ accessToken: env.accessToken, options: options(), video: shortClip, journal }),
    );
    expect(failure).toMatchObject({ code: 'youtube.rejected.duplicate', action: 'fail' });
  });
});
