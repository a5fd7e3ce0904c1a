import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../sandbox/core/settings.js';
import type { PersonaId } from '../../../sandbox/core/settings.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { TiktokConnector } from '../../../src/adapters/platforms/tiktok/tiktok.connector.js';
import { TiktokPublisher } from '../../../src/adapters/platforms/tiktok/tiktok.publisher.js';
import { SANDBOX_APPS } from '../../../src/config/platforms.js';
import { UserError } from '../../../src/domain/errors.js';
import type { TiktokPublishOptions } from '../../../src/domain/publishing/publication.js';
import { PublishFailure } from '../../../src/domain/publishing/publish-failure.js';
import type { PublishStepResult, PublishVideo } from '../../../src/ports/platform-publisher.js';
import { JournalCrash, MemoryJournal } from '../../fakes/memory-journal.js';
import { rejection } from '../../fakes/rejection.js';
import { startSandboxHarness, type SandboxHarness } from '../../fakes/sandbox-harness.js';
import { sandboxTiktokToken } from '../../fakes/sandbox-tiktok-token.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const redirectUri = 'http://localhost:8080/oauth/tiktok/callback';
const MB = 1_000_000;
const HOUR = 3_600_000;
const PROCESSING_MS = 3000;
const MODERATION_MS = 5000;

interface SandboxPublish {
  publish_id: string;
  publish_type: string;
  privacy_level: string | null;
  post_id: string;
  status: string;
  failReason: string | null;
  uploadedBytes: number | null;
}

describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')(
  'TiktokPublisher against the local TikTok sandbox',
  () => {
    let harness: SandboxHarness;
    let sandbox: Sandbox;
    let connector: TiktokConnector;
    let publisher: TiktokPublisher;
    let files: string;
    let small: PublishVideo;
    let large: PublishVideo;
    let token: string;
    let earlier = new Set<string>();

    /** A real 1080x1920 H.264 clip made by ffmpeg, optionally padded with an MP4 `free` box to `padTo` bytes. */
    function clip(name: string, seconds: number, padTo?: number): PublishVideo {
      const path = join(files, name);
      const made = spawnSync('ffmpeg', [
        ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=1080x1920:rate=30:duration=${seconds}`],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '45', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', path],
      ]);
      if (made.status !== 0) throw new Error(made.stderr.toString());
      const size = statSync(path).size;
      if (padTo && padTo > size + 8) {
        // A trailing `free` box keeps the file a valid MP4 while making it big enough for several chunks.
        const header = Buffer.alloc(8);
        header.writeUInt32BE(padTo - size, 0);
        header.write('free', 4, 'latin1');
        appendFileSync(path, Buffer.concat([header, Buffer.alloc(padTo - size - 8)]));
      }
      return {
        path,
        sizeBytes: statSync(path).size,
        durationMs: seconds * 1000,
        publicUrl: 'https://app.example.com/media/signed',
        coverAtMs: 1000,
      };
    }

    function options(overrides: Partial<TiktokPublishOptions> = {}): TiktokPublishOptions {
      return {
        platform: 'tiktok',
        mode: 'direct',
        privacyLevel: 'PUBLIC_TO_EVERYONE',
        disableComment: false,
        disableDuet: false,
        disableStitch: true,
        brandOrganic: false,
        brandedContent: false,
        isAigc: true,
        caption: 'A factory-made short #ai',
        ...overrides,
      };
    }

    async function connect(persona: PersonaId = 'public'): Promise<string> {
      sandbox.ctx.settings.autoConsent = persona;
      return sandboxTiktokToken(sandbox.baseUrls, redirectUri);
    }

    async function admin(method: 'POST' | 'PATCH' | 'GET', path: string, body?: unknown) {
      const response = await fetch(`${harness.origin}/__sandbox/tiktok${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    }

    async function allPublishes(): Promise<SandboxPublish[]> {
      return (await admin('GET', '/publishes')).publishes as SandboxPublish[];
    }

    /** The publishes TikTok holds that this test made. */
    async function publishes(): Promise<SandboxPublish[]> {
      return (await allPublishes()).filter((p) => !earlier.has(p.publish_id));
    }

    /** The sandbox's log of one kind of call in this test. */
    function calls(method: string, pathIncludes: string) {
      return sandbox.ctx.requests
        .list({ platform: 'tiktok', pathIncludes })
        .filter((r) => r.method === method);
    }

    function advance(journal: MemoryJournal, video = small, opts = options(), accessToken = token) {
      return publisher.advance({ accessToken, options: opts, video, journal });
    }

    /** Advances through processing (and moderation) on the sandbox clock until a final answer. */
    async function runToEnd(
      journal: MemoryJournal,
      video = small,
      opts = options(),
    ): Promise<PublishStepResult> {
      let result = await advance(journal, video, opts);
      for (let i = 0; i < 5 && (result.kind === 'wait' || result.awaitingPostId); i++) {
        sandbox.ctx.clock.advance(Math.max(PROCESSING_MS, MODERATION_MS));
        result = await advance(journal, video, opts);
      }
      return result;
    }

    beforeAll(async () => {
      files = mkdtempSync(join(tmpdir(), 'aif-tiktok-publish-'));
      small = clip('small.mp4', 4);
      large = clip('large.mp4', 4, 16 * MB + 123);
      const defaults = defaultSettings();
      harness = await startSandboxHarness({
        platforms: ['tiktok'],
        settings: {
          apps: { ...defaults.apps, tiktok: { ...SANDBOX_APPS.tiktok, redirectUris: [redirectUri] } },
          autoConsent: 'public',
        },
      });
      sandbox = harness.sandbox;
      connector = new TiktokConnector({ baseUrls: sandbox.baseUrls, app: SANDBOX_APPS.tiktok, redirectUri });
      publisher = new TiktokPublisher({
        baseUrls: sandbox.baseUrls,
        clock: { now: () => sandbox.ctx.clock.now() },
        timeoutMs: 5000,
        chunkBytes: 5 * MB,
        pollMs: 1000,
      });
    });

    afterAll(async () => {
      await harness.close();
      rmSync(files, { recursive: true, force: true });
    });

    beforeEach(async () => {
      // A new day on the sandbox clock: earlier publishes leave the 24 h caps and the rate windows.
      sandbox.ctx.clock.advance(25 * HOUR);
      sandbox.ctx.settings.tiktok = {
        ...defaultSettings().tiktok,
        processingMs: PROCESSING_MS,
        moderationMs: MODERATION_MS,
      };
      sandbox.ctx.faults.clear();
      sandbox.ctx.requests.clear();
      token = await connect('public');
      earlier = new Set((await allPublishes()).map((p) => p.publish_id));
    });

    it('Direct Post to everyone: uploads, waits for processing, then moderation, then has the exact 19-digit id', async () => {
      const journal = new MemoryJournal();
      const first = await advance(journal);
      expect(first).toEqual({ kind: 'wait', checkAgainInMs: 1000, detail: 'TikTok is processing the video' });
      expect(journal.steps()).toEqual([
        'init:before',
        'init:after',
        'upload_last_chunk:before',
        'upload_last_chunk:after',
      ]);
      expect(journal.remote).toMatchObject({
        username: 'ai.factory',
        uploadComplete: true,
        videoSize: small.sizeBytes,
      });
      const put = calls('PUT', '/video/');
      expect(put.map((r) => r.status)).toEqual([201]);

      sandbox.ctx.clock.advance(PROCESSING_MS);
      const complete = await advance(journal);
      expect(complete).toMatchObject({ kind: 'published', postId: null, url: null, awaitingPostId: true });

      sandbox.ctx.clock.advance(MODERATION_MS);
      const done = await advance(journal);
      const [publish] = await publishes();
      expect(publish).toMatchObject({ status: 'PUBLISH_COMPLETE', privacy_level: 'PUBLIC_TO_EVERYONE' });
      expect(publish?.post_id).toMatch(/^\d{19}$/);
      expect(Number(publish?.post_id)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
      expect(done).toEqual({
        kind: 'published',
        postId: publish?.post_id,
        url: `https://www.tiktok.com/@ai.factory/video/${publish?.post_id}`,
        awaitingPostId: false,
        detail: 'Posted on TikTok',
      });

      // Once the id is stored, TikTok is not asked again.
      sandbox.ctx.requests.clear();
      expect(await advance(journal.resumed())).toEqual(done);
      expect(sandbox.ctx.requests.list({ platform: 'tiktok' })).toEqual([]);
    });

    it('SELF_ONLY is published without an id, and never waits for one', async () => {
      const journal = new MemoryJournal();
      const result = await runToEnd(journal, small, options({ privacyLevel: 'SELF_ONLY' }));
      expect(result).toMatchObject({ kind: 'published', postId: null, url: null, awaitingPostId: false });
      expect(result.kind === 'published' && result.detail).toMatch(/privately/);
      sandbox.ctx.clock.advance(10 * MODERATION_MS);
      expect(await advance(journal, small, options({ privacyLevel: 'SELF_ONLY' }))).toEqual(result);
      expect((await publishes()).map((p) => p.status)).toEqual(['PUBLISH_COMPLETE']);
    });

    it('a draft goes through the inbox init and ends in the creator’s inbox', async () => {
      const journal = new MemoryJournal();
      const draft = options({ mode: 'draft', privacyLevel: null });
      const result = await runToEnd(journal, small, draft);
      expect(result).toMatchObject({ kind: 'published', postId: null, url: null, awaitingPostId: false });
      expect(result.kind === 'published' && result.detail).toMatch(/finishes the post in the TikTok app/);
      expect(calls('POST', '/inbox/video/init/')).toHaveLength(1);
      expect(calls('POST', '/creator_info/')).toHaveLength(0);
      expect(await publishes()).toEqual([
        expect.objectContaining({ publish_type: 'INBOX_SHARE', status: 'SEND_TO_USER_INBOX' }),
      ]);
    });

    it('sends a large file in chunks of the plan, streamed with Content-Range', async () => {
      const journal = new MemoryJournal();
      const result = await runToEnd(journal, large);
      expect(result).toMatchObject({ kind: 'published', awaitingPostId: false });
      expect(journal.remote).toMatchObject({ chunkSize: 5 * MB, totalChunkCount: 3 });
      expect(calls('PUT', '/video/').map((r) => r.status)).toEqual([206, 206, 201]);
      expect(journal.steps().filter((s) => s.startsWith('upload'))).toEqual([
        'upload_chunk:after',
        'upload_chunk:after',
        'upload_last_chunk:before',
        'upload_last_chunk:after',
      ]);
    });

    it('resumes after a crash between chunks from where TikTok stands, sending no chunk twice', async () => {
      // Records: init before/after, chunk 1 after; the crash hits while recording chunk 2 (which TikTok has).
      const crashed = new MemoryJournal({ crashAfterRecords: 3 });
      expect(await rejection(advance(crashed, large))).toBeInstanceOf(JournalCrash);
      expect(crashed.remote).toMatchObject({ uploadedBytes: 5 * MB });

      const resumed = crashed.resumed();
      const result = await runToEnd(resumed, large);
      expect(result).toMatchObject({ kind: 'published', awaitingPostId: false });
      expect(calls('PUT', '/video/').map((r) => r.status)).toEqual([206, 206, 201]);
      expect(calls('POST', '/video/init/')).toHaveLength(1);
      expect((await publishes()).map((p) => p.status)).toEqual(['PUBLISH_COMPLETE']);
    });

    it('a chunk whose answer was lost is not sent again', async () => {
      await admin('POST', '/lost-answers', { step: 'upload' });
      const journal = new MemoryJournal();
      const result = await runToEnd(journal, large);
      expect(result).toMatchObject({ kind: 'published' });
      // The lost answer is not logged; TikTok took three chunks, once each.
      expect(calls('PUT', '/video/').map((r) => r.status)).toEqual([206, 201]);
      expect((await publishes()).map((p) => p.status)).toEqual(['PUBLISH_COMPLETE']);
    });

    it('retries a chunk the upload host answered with a 5xx', async () => {
      sandbox.ctx.faults.add('tiktok', 'PUT /video/', { type: 'status', status: 503 });
      const result = await runToEnd(new MemoryJournal(), large);
      expect(result).toMatchObject({ kind: 'published' });
      expect(calls('PUT', '/video/').map((r) => r.status)).toEqual([503, 206, 206, 201]);
    });

    it.each([
      ['the init answer is lost on the way', 'network'],
      ['the process dies before the init answer is saved', 'crash'],
    ])(
      'an unanswered init (%s) is started again safely: one post, the orphan never gets bytes',
      async (_name, how) => {
        let first: MemoryJournal;
        if (how === 'network') {
          await admin('POST', '/lost-answers', { step: 'init' });
          first = new MemoryJournal();
          expect(await rejection(advance(first))).toMatchObject({
            code: 'tiktok.init_unanswered',
            action: 'retry',
          });
        } else {
          first = new MemoryJournal({ crashAt: { step: 'init', phase: 'after' } });
          expect(await rejection(advance(first))).toBeInstanceOf(JournalCrash);
        }
        expect(first.remote).toMatchObject({ initState: 'sent', publishId: null });

        const resumed = first.resumed();
        const result = await runToEnd(resumed);
        expect(result).toMatchObject({ kind: 'published', awaitingPostId: false });
        expect(resumed.statuses[0]?.detail).toMatch(/did not answer/);
        sandbox.ctx.clock.advance(HOUR);
        const held = await publishes();
        expect(held.filter((p) => p.status === 'PUBLISH_COMPLETE')).toHaveLength(1);
        // The orphan's upload_url was never read, so it got no byte and TikTok gave up on it.
        expect(held.filter((p) => p.status !== 'PUBLISH_COMPLETE')).toEqual([
          expect.objectContaining({ status: 'FAILED', failReason: 'internal', uploadedBytes: 0 }),
        ]);
      },
    );

    it('a TikTok fault (5xx) on init is not retried blindly: no bytes went to it, so the next run starts again', async () => {
      sandbox.ctx.faults.add('tiktok', 'POST /v2/post/publish/video/init/', { type: 'status', status: 500 });
      const journal = new MemoryJournal();
      expect(await rejection(advance(journal))).toMatchObject({
        code: 'tiktok.init_unanswered',
        action: 'retry',
      });
      expect(journal.remote).toMatchObject({ initState: 'sent', publishId: null });
      expect(await runToEnd(journal.resumed())).toMatchObject({ kind: 'published' });
      expect((await publishes()).map((p) => p.status)).toEqual(['PUBLISH_COMPLETE']);
    });

    it('a publish TikTok no longer knows is started again only if its last chunk was never sent', async () => {
      const crashed = new MemoryJournal({ crashAfterRecords: 3 });
      await rejection(advance(crashed, large));
      sandbox.ctx.faults.add('tiktok', 'POST /v2/post/publish/status/fetch/', {
        type: 'platform_error',
        code: 'invalid_publish_id',
        status: 400,
      });
      const resumed = crashed.resumed();
      expect(await runToEnd(resumed, large)).toMatchObject({ kind: 'published' });
      expect(resumed.remote).toMatchObject({ failReason: 'invalid_publish_id' });

      // After the last chunk went out, the outcome cannot be known: stop and say so.
      sandbox.ctx.faults.add('tiktok', 'POST /v2/post/publish/status/fetch/', {
        type: 'platform_error',
        code: 'invalid_publish_id',
        status: 400,
      });
      const sent = new MemoryJournal({ crashAt: { step: 'upload_last_chunk', phase: 'after' } });
      await rejection(advance(sent));
      expect(await rejection(advance(sent.resumed()))).toMatchObject({
        code: 'tiktok.invalid_publish_id',
        action: 'fail',
        retriable: false,
      });
    });

    it('a connection without video.publish may still send drafts', async () => {
      const url = new URL(connector.authorizeUrl({ state: 'st', codeChallenge: null, forceConsent: false }));
      url.searchParams.set('scope', 'user.info.basic,video.upload');
      const redirect = await fetch(url, { redirect: 'manual' });
      const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const draftOnly = (await connector.exchangeCode({ code, codeVerifier: null })).accessToken;
      const info = await publisher.publishOptions(draftOnly);
      expect(info).toMatchObject({ canPostNow: true, directPostAvailable: false, draftAvailable: true });
      expect(info.platform === 'tiktok' && info.reason).toMatch(/video\.publish/);
      const draft = options({ mode: 'draft', privacyLevel: null });
      const journal = new MemoryJournal();
      expect(await advance(journal, small, draft, draftOnly)).toMatchObject({ kind: 'wait' });
      sandbox.ctx.clock.advance(PROCESSING_MS);
      expect(await advance(journal, small, draft, draftOnly)).toMatchObject({
        kind: 'published',
        awaitingPostId: false,
      });
      expect(await rejection(advance(new MemoryJournal(), small, options(), draftOnly))).toMatchObject({
        code: 'tiktok.scope_not_authorized',
        action: 'reconnect',
      });
    });

    it('an upload URL that expires mid-upload is started again only once TikTok says that publish FAILED', async () => {
      const journal = new MemoryJournal({
        // After the first chunk is saved, more than the upload URL's hour passes.
        onRecord: (step, _phase, count) => {
          if (step === 'upload_chunk' && count === 3) sandbox.ctx.clock.advance(HOUR + 1000);
        },
      });
      const result = await advance(journal, large);
      expect(result.kind).toBe('wait');
      expect(calls('PUT', '/video/').map((r) => r.status)).toEqual([206, 403, 206, 206, 201]);
      const held = await publishes();
      expect(held.map((p) => [p.status, p.failReason])).toEqual([
        ['FAILED', 'internal'],
        ['PROCESSING_UPLOAD', null],
      ]);
      expect(journal.remote).toMatchObject({
        failedPublishId: held[0]?.publish_id,
        publishId: held[1]?.publish_id,
      });
      expect(await runToEnd(journal, large)).toMatchObject({ kind: 'published' });
    });

    it('defers on TikTok’s 6-inits-a-minute limit (429), then goes on', async () => {
      sandbox.ctx.settings.tiktok.rateLimits.init = 0;
      const journal = new MemoryJournal();
      // The sandbox clock runs with real time between these reads.
      const before = sandbox.ctx.clock.now();
      const failure = await rejection(advance(journal));
      const after = sandbox.ctx.clock.now();
      expect(failure).toBeInstanceOf(PublishFailure);
      expect(failure).toMatchObject({ code: 'tiktok.rate_limit_exceeded', action: 'defer' });
      const retryAt = (failure as PublishFailure).retryAt ?? 0;
      expect(retryAt).toBeGreaterThanOrEqual(before + 60_000);
      expect(retryAt).toBeLessThanOrEqual(after + 60_000);
      expect(journal.remote).toMatchObject({ initState: 'refused' });
      sandbox.ctx.settings.tiktok.rateLimits.init = 6;
      sandbox.ctx.clock.advance(60_000);
      expect(await runToEnd(journal)).toMatchObject({ kind: 'published' });
      expect(await publishes()).toHaveLength(1);
    });

    it('defers to 00:05 UTC the next day when the creator’s daily cap is reached', async () => {
      sandbox.ctx.settings.tiktok.directPostsPer24h = 0;
      const failure = await rejection(advance(new MemoryJournal()));
      const now = new Date(sandbox.ctx.clock.now());
      expect(failure).toMatchObject({
        code: 'tiktok.spam_risk_too_many_posts',
        action: 'defer',
        retryAt: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 5),
      });
      expect(calls('POST', '/video/init/')).toHaveLength(0);
      const info = await publisher.publishOptions(token);
      expect(info).toMatchObject({
        platform: 'tiktok',
        canPostNow: false,
        directPostAvailable: false,
        creator: { nickname: 'AI Factory' },
      });
      expect(info.platform === 'tiktok' && info.reason).toMatch(/daily post limit/);
    });

    it('a grant revoked mid-publish asks to reconnect, then publishes once with the new grant', async () => {
      const crashed = new MemoryJournal({ crashAfterRecords: 3 });
      await rejection(advance(crashed, large));
      await admin('POST', '/revoke', { persona: 'public', reason: 1 });
      const refused = await rejection(advance(crashed.resumed(), large));
      expect(refused).toBeInstanceOf(UserError);
      expect(refused).toMatchObject({ kind: 'needs_reconnect' });

      token = await connect('public');
      const resumed = crashed.resumed();
      expect(await runToEnd(resumed, large)).toMatchObject({ kind: 'published' });
      const held = await publishes();
      expect(held.map((p) => [p.status, p.failReason])).toEqual([
        ['FAILED', 'auth_removed'],
        ['PUBLISH_COMPLETE', null],
      ]);
    });

    it('fails on bad media with TikTok’s reason, and on a privacy TikTok no longer offers', async () => {
      const short = clip('short.mp4', 1);
      expect(await rejection(runToEnd(new MemoryJournal(), short))).toMatchObject({
        code: 'tiktok.duration_check_failed',
        action: 'fail',
        retriable: false,
      });
      expect(
        await rejection(
          advance(new MemoryJournal(), small, options({ privacyLevel: 'FOLLOWER_OF_CREATOR' })),
        ),
      ).toMatchObject({
        code: 'tiktok.privacy_level_option_mismatch',
        action: 'fail',
      });
    });

    it.each([
      ['public', ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'], false, false, 600],
      ['private', ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'], true, false, 180],
      ['unaudited', ['SELF_ONLY'], false, true, 600],
    ] as const)(
      'publishOptions for the %s persona',
      async (persona, privacy, duetDisabled, unaudited, maxSec) => {
        const info = await publisher.publishOptions(await connect(persona));
        expect(info).toMatchObject({
          platform: 'tiktok',
          privacyLevelOptions: privacy,
          commentDisabled: false,
          duetDisabled,
          stitchDisabled: true,
          maxVideoPostDurationSec: maxSec,
          canPostNow: true,
          directPostAvailable: true,
          draftAvailable: true,
          unauditedApp: unaudited,
        });
        if (info.platform !== 'tiktok') throw new Error('not tiktok');
        expect(info.creator.nickname).not.toBe('');
        expect(info.creator.username).toMatch(/^ai\.factory/);
        expect(info.reason === null).toBe(!unaudited);
      },
    );

    it('publishOptions for a banned creator says so in plain words', async () => {
      await admin('PATCH', '/accounts/public', { bannedFromPosting: true });
      try {
        const info = await publisher.publishOptions(token);
        expect(info).toMatchObject({ canPostNow: false, directPostAvailable: false, draftAvailable: false });
        expect(info.platform === 'tiktok' && info.reason).toMatch(/banned/);
      } finally {
        await admin('PATCH', '/accounts/public', { bannedFromPosting: false });
      }
    });
  },
);
