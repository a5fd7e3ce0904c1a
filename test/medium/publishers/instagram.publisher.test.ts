import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { UserError } from '../../../src/domain/errors.js';
import type {
  InstagramPublishOptions,
  PublishCheckpoint,
} from '../../../src/domain/publishing/publication.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type {
  PublishJournal,
  PublishStepResult,
  PublishVideo,
} from '../../../src/ports/platform-publisher.js';
import { InstagramConnector } from '../../../src/adapters/platforms/instagram/instagram.connector.js';
import { InstagramPublisher } from '../../../src/adapters/platforms/instagram/instagram.publisher.js';
import { startRangeFileServer, type RangeFileServer } from '../../fakes/range-file-server.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';

const REDIRECT_URI = 'http://localhost:8080/oauth/instagram/callback';
const PROCESSING_MS = 3_000;
const POLL_MS = 5_000;
const HOUR = 3_600_000;

type Remote = PublishCheckpoint['remote'];

/** The publication's stored state, as the service keeps it; `failOn` simulates a crash right after a call. */
class MemoryJournal implements PublishJournal {
  remote: Remote = {};
  entries: { step: string; phase: 'before' | 'after'; patch: Remote }[] = [];
  statuses: string[] = [];
  failOn: { step: string; phase: 'before' | 'after' } | null = null;

  async record(step: string, phase: 'before' | 'after', patch: Remote = {}): Promise<void> {
    if (this.failOn?.step === step && this.failOn.phase === phase) {
      this.failOn = null;
      throw new Error(`crash before storing ${step}/${phase}`);
    }
    this.remote = { ...this.remote, ...patch };
    this.entries.push({ step, phase, patch });
  }

  async status(status: 'uploading' | 'processing', detail: string): Promise<void> {
    this.statuses.push(`${status}: ${detail}`);
  }

  steps(): string[] {
    return this.entries.map((e) => `${e.step}/${e.phase}`);
  }
}

interface SandboxState {
  containers: { id: string; statusCode: string; caption: string; videoUrl: string }[];
  media: { id: string; caption: string; containerId: string; publishedAt: number }[];
}

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')(
  'InstagramPublisher against the local sandbox',
  () => {
    let harness: SandboxHarness;
    let sandbox: Sandbox;
    let connector: InstagramConnector;
    let publisher: InstagramPublisher;
    let files: string;
    let server: RangeFileServer;
    let token: string;
    let captionCount = 0;

    beforeAll(async () => {
      files = mkdtempSync(join(tmpdir(), 'aif-ig-publish-'));
      const clip = join(files, 'reel.mp4');
      const made = spawnSync('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1080x1920:rate=30:duration=4'],
        ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=4'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p'],
        ...['-c:a', 'aac', '-shortest', '-movflags', '+faststart', clip],
      ]);
      if (made.status !== 0) throw new Error(made.stderr.toString());
      server = await startRangeFileServer({ '/media/signed/reel.mp4': clip });
      harness = await startSandboxHarness({
        platforms: ['instagram'],
        settings: {
          apps: {
            ...defaultSettings().apps,
            instagram: { ...SANDBOX_APPS.instagram, redirectUris: [REDIRECT_URI] },
          },
          autoConsent: 'public',
          instagram: { ...defaultSettings().instagram, containerProcessingMs: PROCESSING_MS },
        },
      });
      sandbox = harness.sandbox;
      connector = new InstagramConnector({
        baseUrls: sandbox.baseUrls,
        app: SANDBOX_APPS.instagram,
        redirectUri: REDIRECT_URI,
      });
      publisher = new InstagramPublisher({
        baseUrls: sandbox.baseUrls,
        clock: sandbox.ctx.clock,
        pollIntervalMs: POLL_MS,
        processingDeadlineMs: 60_000,
      });
    });

    afterAll(async () => {
      await harness.close();
      await server.close();
      rmSync(files, { recursive: true, force: true });
    });

    beforeEach(async () => {
      sandbox.ctx.faults.clear();
      sandbox.ctx.settings.instagram.publishesPer24h = 100;
      token = await connect();
    });

    async function connect(): Promise<string> {
      const consent = await fetch(
        connector.authorizeUrl({ state: 's', codeChallenge: null, forceConsent: false }),
        {
          redirect: 'manual',
        },
      );
      const callback = connector.parseCallback(
        Object.fromEntries(new URL(consent.headers.get('location') ?? '').searchParams),
      );
      if (!callback.ok) throw new Error(`consent failed: ${callback.error}`);
      return (await connector.exchangeCode({ code: callback.code, codeVerifier: null })).accessToken;
    }

    function options(overrides: Partial<InstagramPublishOptions> = {}): InstagramPublishOptions {
      captionCount += 1;
      return {
        platform: 'instagram',
        caption: `Reel number ${captionCount} #aifactory`,
        shareToFeed: true,
        coverAtMs: 1000,
        ...overrides,
      };
    }

    function video(publicUrl = server.url('/media/signed/reel.mp4?exp=9999999999&sig=abc')): PublishVideo {
      return { path: join(files, 'reel.mp4'), sizeBytes: 0, durationMs: 4000, publicUrl, coverAtMs: 1000 };
    }

    const step = (
      journal: MemoryJournal,
      opts: InstagramPublishOptions,
      v = video(),
    ): Promise<PublishStepResult> =>
      publisher.advance({ accessToken: token, options: opts, video: v, journal });

    async function state(): Promise<SandboxState> {
      return (await fetch(`${harness.origin}/__sandbox/instagram/state`)).json() as Promise<SandboxState>;
    }

    async function oldestPublishInWindow(): Promise<number> {
      const now = sandbox.ctx.clock.now();
      const { media } = await state();
      return Math.min(...media.map((m) => m.publishedAt).filter((t) => t > now - 24 * HOUR));
    }

    const publishCalls = () =>
      sandbox.ctx.requests.list({ platform: 'instagram', pathIncludes: 'media_publish' });

    /** Advances until published, moving the sandbox clock by each wait; fails after a few rounds. */
    async function untilPublished(
      journal: MemoryJournal,
      opts: InstagramPublishOptions,
    ): Promise<PublishStepResult> {
      for (let round = 0; round < 5; round++) {
        const result = await step(journal, opts);
        if (result.kind === 'published') return result;
        sandbox.ctx.clock.advance(result.checkAgainInMs);
      }
      throw new Error('not published after 5 rounds');
    }

    it('reads the quota left for the composer', async () => {
      const info = await publisher.publishOptions(token);
      expect(info).toMatchObject({ platform: 'instagram', quotaTotal: 100 });
      if (info.platform !== 'instagram') return;
      expect(info.quotaLeft).toBe(info.quotaTotal - info.quotaUsage);
    });

    it('publishes a Reel: container (fetching the signed URL), processing wait, media_publish, permalink', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      const first = await step(journal, opts);
      expect(first).toMatchObject({ kind: 'wait', checkAgainInMs: POLL_MS });
      expect(journal.steps()).toEqual(['container_create/before', 'container_create/after']);
      expect(journal.remote.containerId).toEqual(expect.any(String));
      expect(journal.statuses).toEqual([
        'uploading: Instagram is fetching the video',
        'processing: Instagram is processing the video',
      ]);
      const fetched = server.requests.filter((r) => r.path.startsWith('/media/signed/reel.mp4?exp='));
      expect(fetched.length).toBeGreaterThan(0);

      sandbox.ctx.clock.advance(PROCESSING_MS);
      const done = await step(journal, opts);
      expect(done).toMatchObject({
        kind: 'published',
        awaitingPostId: false,
        postId: journal.remote.mediaId,
      });
      if (done.kind !== 'published') return;
      expect(done.url).toMatch(/^https:\/\/www\.instagram\.com\/reel\/[\w-]+\/$/);
      expect(journal.steps()).toEqual([
        'container_create/before',
        'container_create/after',
        'media_publish/before',
        'media_publish/after',
      ]);
      const { containers, media } = await state();
      const container = containers.find((c) => c.id === journal.remote.containerId);
      expect(container).toMatchObject({ statusCode: 'PUBLISHED', caption: opts.caption });
      expect(media.filter((m) => m.caption === opts.caption)).toHaveLength(1);

      // A stored media id: another advance only reads the link and never publishes again.
      const calls = publishCalls().length;
      await expect(step(journal, opts)).resolves.toMatchObject({ kind: 'published', postId: done.postId });
      expect(publishCalls()).toHaveLength(calls);
    });

    it('waits while the container is IN_PROGRESS, then replaces one stuck past the deadline', async () => {
      sandbox.ctx.settings.instagram.containerProcessingMs = 10 * 60_000;
      try {
        const journal = new MemoryJournal();
        const opts = options();
        expect(await step(journal, opts)).toMatchObject({ kind: 'wait' });
        sandbox.ctx.clock.advance(30_000);
        expect(await step(journal, opts)).toMatchObject({
          kind: 'wait',
          detail: 'Instagram is processing the video',
        });
        const firstContainer = journal.remote.containerId;
        sandbox.ctx.clock.advance(31_000);
        expect(await step(journal, opts)).toMatchObject({ kind: 'wait' });
        expect(journal.remote.containerId).not.toBe(firstContainer);
        expect(journal.remote.containers).toBe(2);
      } finally {
        sandbox.ctx.settings.instagram.containerProcessingMs = PROCESSING_MS;
      }
    });

    async function failContainer(id: unknown, subcode: number): Promise<void> {
      const res = await fetch(`${harness.origin}/__sandbox/instagram/containers/${String(id)}/fail`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subcode }),
      });
      expect(res.status).toBe(200);
    }

    it('fails in plain words on a container ERROR that a new container cannot fix (2207082)', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      await failContainer(journal.remote.containerId, 2207082);
      const error = await rejection(step(journal, opts));
      expect(error).toBeInstanceOf(PublishFailure);
      expect(error).toMatchObject({ action: 'fail', code: 'instagram.2207082' });
      expect((error as Error).message).toMatch(/could not process this video/);
    });

    it('makes a new container on a server-side container ERROR (2207001) and publishes that one', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      const first = journal.remote.containerId;
      await failContainer(first, 2207001);
      expect(await step(journal, opts)).toMatchObject({ kind: 'wait' });
      expect(journal.remote.containerId).not.toBe(first);
      sandbox.ctx.clock.advance(PROCESSING_MS);
      expect(await untilPublished(journal, opts)).toMatchObject({ kind: 'published' });
      expect((await state()).media.filter((m) => m.caption === opts.caption)).toHaveLength(1);
    });

    it('gives up after maxContainers server-side errors, with a final failure', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      for (let made = 1; made < 3; made++) {
        await failContainer(journal.remote.containerId, 2207053);
        await step(journal, opts);
      }
      await failContainer(journal.remote.containerId, 2207053);
      expect(await rejection(step(journal, opts))).toMatchObject({
        action: 'fail',
        code: 'instagram.-1.2207053',
      });
      expect(journal.remote).toMatchObject({ containerId: null, containers: 0 });
    });

    it('replaces a container that EXPIRED unpublished after 24 h', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      const first = journal.remote.containerId;
      sandbox.ctx.clock.advance(25 * HOUR);
      token = await connect();
      expect(await step(journal, opts)).toMatchObject({ kind: 'wait' });
      expect(journal.remote.containerId).not.toBe(first);
      expect((await state()).containers.find((c) => c.id === first)?.statusCode).toBe('EXPIRED');
    });

    it('defers at the rolling 24 h cap, dated when the oldest publish leaves the window', async () => {
      const done = new MemoryJournal();
      await untilPublished(done, options());
      const { quotaUsage } = (await publisher.publishOptions(token)) as { quotaUsage: number };
      sandbox.ctx.settings.instagram.publishesPer24h = quotaUsage;
      // Graph timestamps have whole seconds.
      const oldest = Math.floor((await oldestPublishInWindow()) / 1000) * 1000;

      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      sandbox.ctx.clock.advance(PROCESSING_MS);
      const calls = publishCalls().length;
      const error = await rejection(step(journal, opts));
      expect(error).toBeInstanceOf(PublishFailure);
      const failure = error as PublishFailure;
      expect(failure).toMatchObject({ action: 'defer', code: 'instagram.9.2207042', retriable: true });
      expect(failure.retryAt).toBe(oldest + 24 * HOUR + 60_000);
      const at = new Date(failure.retryAt ?? 0).toISOString().slice(11, 16);
      expect(failure.message).toBe(
        `Instagram's daily publishing limit for this account is reached; it will go at ${at} UTC`,
      );
      expect(publishCalls()).toHaveLength(calls);
    });

    it('resumes after a lost media_publish answer by finding the post, never publishing twice', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      await step(journal, opts);
      sandbox.ctx.clock.advance(PROCESSING_MS);
      journal.failOn = { step: 'media_publish', phase: 'after' };
      await expect(step(journal, opts)).rejects.toThrow(/crash/);
      expect(journal.remote.mediaId).toBeUndefined();
      const calls = publishCalls().length;

      const resumed = await step(journal, opts);
      expect(resumed).toMatchObject({ kind: 'published', awaitingPostId: false });
      expect(publishCalls()).toHaveLength(calls);
      const media = (await state()).media.filter((m) => m.caption === opts.caption);
      expect(media).toHaveLength(1);
      expect(resumed).toMatchObject({ postId: media[0]?.id });
      expect(journal.remote.mediaId).toBe(media[0]?.id);
    });

    it('makes a second container after a lost create answer, and publishes one post', async () => {
      const journal = new MemoryJournal();
      const opts = options();
      journal.failOn = { step: 'container_create', phase: 'after' };
      await expect(step(journal, opts)).rejects.toThrow(/crash/);
      expect(journal.remote.containerId).toBeNull();
      sandbox.ctx.clock.advance(PROCESSING_MS);
      expect(await untilPublished(journal, opts)).toMatchObject({ kind: 'published' });
      const { containers, media } = await state();
      expect(containers.filter((c) => c.caption === opts.caption)).toHaveLength(2);
      expect(media.filter((m) => m.caption === opts.caption)).toHaveLength(1);
    });

    it('fails in plain words when Instagram cannot download the video', async () => {
      const journal = new MemoryJournal();
      const error = await rejection(step(journal, options(), video(server.url('/media/signed/missing.mp4'))));
      expect(error).toBeInstanceOf(PublishFailure);
      expect(error).toMatchObject({ action: 'fail', code: 'instagram.9004.2207052' });
      expect((error as Error).message).toMatch(/could not download the video.*PUBLIC_BASE_URL/);
    });

    it('defers on a rate limit (80002) before anything was made, then goes on', async () => {
      sandbox.ctx.faults.add('instagram', 'POST /:version/:node/media', {
        type: 'platform_error',
        code: 80002,
        status: 400,
      });
      const journal = new MemoryJournal();
      const opts = options();
      const before = sandbox.ctx.clock.now();
      const error = await rejection(step(journal, opts));
      expect(error).toMatchObject({ action: 'defer', code: 'instagram.80002' });
      const retryAt = (error as PublishFailure).retryAt ?? 0;
      expect(retryAt).toBeGreaterThanOrEqual(before + HOUR);
      expect(retryAt).toBeLessThanOrEqual(sandbox.ctx.clock.now() + HOUR);
      expect(journal.remote.containerId).toBeNull();
      expect(await step(journal, opts)).toMatchObject({ kind: 'wait' });
      expect(journal.remote.containerId).toEqual(expect.any(String));
    });

    it('needs a reconnect once the person removed the app in Instagram', async () => {
      const res = await fetch(`${harness.origin}/__sandbox/instagram/remove-app`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'public' }),
      });
      expect(res.status).toBe(200);
      const error = await rejection(step(new MemoryJournal(), options()));
      expect(error).toBeInstanceOf(UserError);
      expect(error).toMatchObject({ kind: 'needs_reconnect' });
      expect((error as Error).message).toMatch(/Reconnect Instagram/);
    });
  },
);
