import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/domain/connection.js';
import { hashSecret } from '../../../src/domain/secrets.js';
import { snapshot, trackedVideo } from '../../contract/store/analytics-fixtures.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { multipartBody } from '../../fakes/multipart.js';
import { approvedVersionFixture } from '../../fakes/publishing-fixture.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { clip, filesUnder, hasFfmpeg, sha256, tokensOf, until } from './support.js';

const PLATFORMS: Platform[] = ['tiktok', 'instagram', 'youtube'];
const tiktokOptions = { mode: 'direct', privacyLevel: 'SELF_ONLY', disableStitch: true };

type Page<T> = { items: T[] };
type Conn = { id: string; platform: Platform; externalAccountId: string };

/**
 * The promise of account deletion, end to end: a full account (three sandbox connections, an upload, items, a
 * publication made on the sandbox, one planned, statistics) is deleted through the API, and afterwards no byte of
 * the store's files (database, WAL, shm) or of DATA_DIR holds the person's ids, email, tokens or file contents.
 */
describe.skipIf(!hasFfmpeg && process.env.CI !== 'true')(
  'deleting an account leaves nothing of the person',
  () => {
    let t: TestApp | undefined;
    const scratch = mkdtempSync(join(tmpdir(), 'aif-erase-clips-'));
    afterAll(async () => {
      rmSync(scratch, { recursive: true, force: true });
      if (t) rmSync(t.dataDir, { recursive: true, force: true });
    });

    async function upload(client: Client, title: string, data: Buffer) {
      const { payload, contentType } = await multipartBody(
        { title, platforms: 'tiktok,youtube' },
        { field: 'video', name: 'clip.mp4', data },
      );
      const res = await t!.app.inject({
        method: 'POST',
        url: '/api/items/upload',
        headers: { origin: t!.origin, cookie: client.cookieHeader ?? '', 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      const itemId = res.json<{ item: { id: string } }>().item.id;
      const detail = (await client.get(`/api/items/${itemId}`)).json<{ versions: { id: string }[] }>();
      return { itemId, versionId: detail.versions[0]!.id };
    }

    it('finds none of their ids, email, tokens or file hashes anywhere after the deletion, and the other person intact', async () => {
      t = await startTestApp({}, { listen: true });
      const app = t;
      await app.container.startJobs();
      const { store } = app.container;

      const person = new Client(app.app, app.origin);
      const email = 'leaving.person@example.com';
      const signedUp = await person.signUp(email);
      const sessionToken = person.cookieHeader!.replace('aif_session=', '');
      const other = new Client(app.app, app.origin);
      const stays = await other.signUp('staying.person@example.com');

      for (const platform of PLATFORMS) await connectThroughConsent(app, person, platform);
      await connectThroughConsent(app, other, 'tiktok', { persona: 'private' });
      const connections = (await person.get('/api/connections')).json<Page<Conn>>().items;
      expect(connections.map((c) => c.platform).sort()).toEqual([...PLATFORMS].sort());
      const tiktok = connections.find((c) => c.platform === 'tiktok')!;

      // A real upload, reviewed and published on the sandbox; a second publication planned for tomorrow.
      const uploaded = await upload(person, 'Leaving person harbour clip', clip(scratch, 'mine.mp4', 440));
      for (const action of ['submit', 'approve'])
        expect((await person.post(`/api/versions/${uploaded.versionId}/review`, { action })).statusCode).toBe(
          200,
        );
      const published = await person.post('/api/publications', {
        versionId: uploaded.versionId,
        connectionId: tiktok.id,
        options: tiktokOptions,
      });
      expect(published.statusCode, published.body).toBe(201);
      const publicationId = published.json<{ publication: { id: string } }>().publication.id;
      // The sandbox processes the upload over its own clock; both clocks move on until TikTok reports the post.
      await until(async () => {
        app.clock.advance(5_000);
        await other.post('/sandbox/__sandbox/clock/advance', { seconds: 5 });
        const p = await store.publications.find(signedUp.workspace.id, publicationId);
        return p?.status === 'published';
      });
      const planned = await person.post('/api/publications', {
        versionId: uploaded.versionId,
        connectionId: tiktok.id,
        options: tiktokOptions,
        scheduledAt: new Date(app.clock.now() + 86_400_000).toISOString(),
      });
      expect(planned.statusCode, planned.body).toBe(201);
      // A second item whose file lives outside the workspace's folder (as older installs kept them).
      const fixture = await approvedVersionFixture(store, app.container.mediaRoot, {
        workspace: { id: signedUp.workspace.id, userId: signedUp.user.id },
        platforms: [],
      });
      // Statistics of the published video, and of one more read through each connection.
      const tracked = await store.trackedVideos.listAll(signedUp.workspace.id, {});
      expect(tracked.length).toBeGreaterThan(0);
      for (const c of connections) {
        const video = trackedVideo(signedUp.workspace.id, { connectionId: c.id, platform: c.platform });
        await store.trackedVideos.create(video);
        await store.snapshots.append([snapshot(video, 1, 120), snapshot(video, 24, 480)]);
      }
      await store.statsCalls.record({
        workspaceId: signedUp.workspace.id,
        connectionId: tiktok.id,
        platform: 'tiktok',
        at: new Date(app.clock.now()).toISOString(),
        units: 1,
      });
      // A copy of their data, made and downloaded before the deletion.
      await app.container.queue.idle();
      const started = await person.post('/api/privacy/exports');
      expect(started.statusCode, started.body).toBe(202);
      const exportId = started.json<{ export: { id: string } }>().export.id;
      await app.container.queue.idle();
      const exported = (await person.get(`/api/privacy/exports/${exportId}`)).json<{
        status: string;
        downloadUrl: string;
      }>();
      expect(exported.status).toBe('ready');
      const zip = await person.get(exported.downloadUrl);
      expect(zip.statusCode).toBe(200);
      expect(filesUnder(join(app.container.mediaRoot, 'exports')).length).toBe(1);

      // The other person's own world, which must survive untouched.
      const theirUpload = await upload(
        other,
        'Staying person lighthouse clip',
        clip(scratch, 'theirs.mp4', 660, 'smptebars'),
      );
      const theirTokens = await tokensOf(app, stays.workspace.id);
      const theirFiles = filesUnder(join(app.container.mediaRoot, 'workspaces', stays.workspace.id));
      expect(theirFiles.length).toBeGreaterThan(0);

      // Everything that names the person, noted while it exists.
      const tokens = await tokensOf(app, signedUp.workspace.id);
      expect(tokens.length).toBeGreaterThanOrEqual(3);
      const items = (await person.get('/api/items')).json<Page<{ id: string }>>().items;
      const publications = (await person.get('/api/publications')).json<Page<{ id: string }>>().items;
      const videos = await store.trackedVideos.listAll(signedUp.workspace.id, {});
      const ids = [
        signedUp.user.id,
        signedUp.workspace.id,
        hashSecret(sessionToken),
        ...connections.flatMap((c) => [c.id, c.externalAccountId]),
        ...items.map((i) => i.id),
        uploaded.versionId,
        fixture.version.id,
        ...publications.map((p) => p.id),
        ...videos.map((v) => v.id),
        exportId,
      ];
      const myFiles = [
        ...filesUnder(join(app.container.mediaRoot, 'workspaces', signedUp.workspace.id)),
        ...filesUnder(join(app.container.mediaRoot, 'videos')),
      ];
      expect(myFiles.length).toBeGreaterThanOrEqual(3);
      const fileHashes = [...myFiles.map((f) => sha256(f.bytes)), sha256(zip.rawPayload)];
      const secrets = [email, sessionToken, ...tokens, ...ids, ...fileHashes];
      expect(items.length).toBe(2);
      expect(publications.length).toBe(2);

      const res = await person.request('POST', '/api/privacy/delete-account', {
        password: 'a long enough passphrase',
        confirmation: 'DELETE',
      });
      expect(res.statusCode, res.body).toBe(202);
      const report = res.json<{ confirmation: string; counts: Record<string, number> }>();
      expect(report.counts).toMatchObject({ users: 1, workspacesDeleted: 1, connections: 3, items: 2 });
      expect(res.cookies.find((c) => c.name === 'aif_session')?.value).toBe('');

      // Signed out everywhere, and the old password opens nothing.
      expect((await person.get('/api/me')).statusCode).toBe(401);
      const stale = new Client(app.app, app.origin);
      expect(
        (await stale.post('/api/auth/signin', { email, password: 'a long enough passphrase' })).statusCode,
      ).toBe(401);
      // Grants revoked at the platforms that have a revoke endpoint.
      for (const [platform, path] of [
        ['tiktok', '/v2/oauth/revoke/'],
        ['youtube', '/revoke'],
      ] as const) {
        const log = (
          await other.get(`/sandbox/__sandbox/requests?platform=${platform}&path=${encodeURIComponent(path)}`)
        ).json<{ requests: { method: string; status: number }[] }>().requests;
        expect(
          log.some((r) => r.method === 'POST' && r.status === 200),
          platform,
        ).toBe(true);
      }

      // The other person still has everything.
      expect((await other.get('/api/me')).statusCode).toBe(200);
      expect((await other.get(`/api/items/${theirUpload.itemId}`)).statusCode).toBe(200);
      expect(await tokensOf(app, stays.workspace.id)).toEqual(theirTokens);
      const theirFilesAfter = filesUnder(join(app.container.mediaRoot, 'workspaces', stays.workspace.id));
      expect(theirFilesAfter.map((f) => sha256(f.bytes)).sort()).toEqual(
        theirFiles.map((f) => sha256(f.bytes)).sort(),
      );
      const log = await store.erasure.findLog(report.confirmation);
      expect(log).toMatchObject({ kind: 'account', counts: report.counts });

      // Then the raw bytes of the database, its WAL and shm, and every other file under DATA_DIR: once while the
      // server still runs (its WAL would still hold the old pages without the purge), once after it stopped.
      const leftovers = () => {
        const found: string[] = [];
        for (const file of filesUnder(app.dataDir)) {
          for (const secret of secrets)
            if (file.bytes.includes(secret)) found.push(`${secret} in ${file.path}`);
          if (fileHashes.includes(sha256(file.bytes))) found.push(`a copy of their file at ${file.path}`);
        }
        return found;
      };
      expect(leftovers()).toEqual([]);
      await app.app.close();
      await app.container.close();
      const everything = filesUnder(app.dataDir);
      expect(everything.map((f) => f.path)).toEqual(
        expect.arrayContaining([join(app.dataDir, 'ai-factory.sqlite')]),
      );
      expect(leftovers()).toEqual([]);
      // The survivor's rows are still in the database file.
      expect(everything.some((f) => f.bytes.includes(stays.user.id))).toBe(true);
    }, 120_000);
  },
);
