import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataExportView } from '../../../src/api/privacy.js';
import type { ContentItem } from '../../../src/domain/content-item.js';
import { newId } from '../../../src/domain/ids.js';
import { DATA_KINDS } from '../../../src/domain/privacy/data-kinds.js';
import { EXPORT_FILES } from '../../../src/services/privacy/export-fields.js';
import { trackedVideo, snapshot } from '../../contract/store/analytics-fixtures.js';
import { asset, auditEvent, item, version } from '../../contract/store/fixtures.js';
import { publication, review } from '../../contract/store/publishing-fixtures.js';
import { connectThroughConsent } from '../../fakes/connect-flow.js';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';
import { zipEntries } from '../../fakes/zip-entries.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
type Json = Record<string, Record<string, unknown>[]>;

/**
 * Alice owns a workspace full of data and is an editor in Bob's, where she made one item; Zed has his own. Alice's
 * export, run through the routes and the job, must hold every record of hers and nothing of theirs.
 */
describe('data export: the ZIP of a person', () => {
  let t: TestApp;
  let alice: Client;
  const ids = { alice: '', aliceWs: '', bob: '', bobWs: '', zed: '', zedWs: '' };
  const aliceFiles = new Map<string, Buffer>();
  const foreign: string[] = [];
  const secrets: string[] = [];
  let bobFile: Buffer;
  let aliceInBob: ContentItem;
  let entries: Map<string, Buffer>;
  let json: Record<string, Json>;
  let everything: string;
  let exportId: string;

  /** A file in the media store, as the factory or an upload would leave it. */
  function mediaFile(key: string, bytes = randomBytes(2048)): Buffer {
    const path = join(t.container.mediaRoot, ...key.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return bytes;
  }

  /** Seeds one workspace with an item, a version, a review, a publication, a tracked video and its readings. */
  async function seedWorkspace(workspaceId: string, userId: string, connectionId: string) {
    const { store } = t.container;
    const it = item(workspaceId, { createdBy: userId, title: `Item of ${userId}` });
    await store.content.createItem(it);
    const v = version(it, 1, { parameters: { hookStyle: 'question', pace: 1.1 } });
    await store.content.createVersion(v);
    await store.reviews.save(review(workspaceId, { versionId: v.id, itemId: it.id, submittedBy: userId }));
    const p = publication(workspaceId, {
      itemId: it.id,
      versionId: v.id,
      connectionId,
      status: 'published',
      createdBy: userId,
    });
    await store.publications.create(p);
    const video = trackedVideo(workspaceId, { connectionId, itemId: it.id, publicationId: p.id });
    await store.trackedVideos.create(video);
    await store.snapshots.append([snapshot(video, 1, 10), snapshot(video, 24, 50)]);
    const a = asset(workspaceId, { mediaKey: `workspaces/${workspaceId}/library/${newId()}.png` });
    await store.mediaAssets.create(a);
    await store.audit.append(auditEvent(workspaceId, { actorUserId: userId }));
    return { item: it, version: v, publication: p, video, asset: a };
  }

  async function tokensOf(workspaceId: string) {
    const { store, vault } = t.container;
    const page = await store.connections.listByWorkspace(workspaceId, { limit: 10 });
    for (const c of page.items) {
      const sealed = await store.connections.loadTokens(workspaceId, c.id);
      if (!sealed) throw new Error('a connection without tokens');
      const plain = await vault.use({ recordId: c.id, workspaceId }, sealed, async (tokens) => tokens);
      secrets.push(sealed.ciphertext, sealed.wrappedKey, plain.accessToken);
      if (plain.refreshToken) secrets.push(plain.refreshToken);
    }
    return page.items;
  }

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    alice = new Client(t.app, t.origin);
    const bob = new Client(t.app, t.origin);
    const zed = new Client(t.app, t.origin);
    const a = await alice.signUp('alice@example.com');
    const b = await bob.signUp('bob@example.com');
    const z = await zed.signUp('zed@example.com');
    Object.assign(ids, {
      alice: a.user.id,
      aliceWs: a.workspace.id,
      bob: b.user.id,
      bobWs: b.workspace.id,
      zed: z.user.id,
      zedWs: z.workspace.id,
    });
    const { store } = t.container;

    await connectThroughConsent(t, alice, 'tiktok');
    await connectThroughConsent(t, alice, 'youtube');
    await connectThroughConsent(t, zed, 'tiktok');
    const [aliceTiktok] = await tokensOf(ids.aliceWs);
    const [zedTiktok] = await tokensOf(ids.zedWs);
    await seedWorkspace(ids.aliceWs, ids.alice, aliceTiktok!.id);
    const zedSeed = await seedWorkspace(ids.zedWs, ids.zed, zedTiktok!.id);
    expect(
      (await alice.post('/api/invitations', { email: 'carol@example.com', role: 'viewer' })).statusCode,
    ).toBe(201);

    aliceFiles.set(`workspaces/${ids.aliceWs}/library/picture.png`, Buffer.alloc(0));
    aliceFiles.set(`workspaces/${ids.aliceWs}/cache/render/video.mp4`, Buffer.alloc(0));
    for (const key of aliceFiles.keys()) aliceFiles.set(key, mediaFile(key));
    const zedBytes = mediaFile(`workspaces/${ids.zedWs}/library/zed.png`);

    // Alice in Bob's workspace: an editor with one item of her own, beside one of Bob's.
    await store.memberships.add({
      id: newId(),
      workspaceId: ids.bobWs,
      userId: ids.alice,
      role: 'editor',
      joinedAt: new Date(t.clock.now()).toISOString(),
    });
    aliceInBob = item(ids.bobWs, { createdBy: ids.alice, title: 'Alice in Bob’s place' });
    await store.content.createItem(aliceInBob);
    await store.content.createVersion(version(aliceInBob, 1));
    const bobsItem = item(ids.bobWs, { createdBy: ids.bob, title: 'Bob only' });
    await store.content.createItem(bobsItem);
    const bobsVersion = version(bobsItem, 1);
    await store.content.createVersion(bobsVersion);
    bobFile = mediaFile(`workspaces/${ids.bobWs}/library/bob.png`);

    foreign.push(
      'bob@example.com',
      'zed@example.com',
      ids.zed,
      ids.zedWs,
      zedTiktok!.id,
      bobsItem.id,
      bobsVersion.id,
      ...Object.values(zedSeed).map((r) => r.id),
      zedBytes.toString('hex').slice(0, 64),
    );

    // The accounts' earlier posts are imported first (connecting plans it), so the store stands still meanwhile.
    await t.container.startJobs();
    await t.container.queue.idle();
    const started = await alice.post('/api/privacy/exports');
    expect(started.statusCode, started.body).toBe(202);
    exportId = started.json<{ export: { id: string } }>().export.id;
    await t.container.queue.idle();
    const view = dataExportView.parse((await alice.get(`/api/privacy/exports/${exportId}`)).json());
    expect(view).toMatchObject({ status: 'ready', progress: 1, error: null });
    const download = await alice.get(view.downloadUrl!);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="ai-factory-data-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    entries = await zipEntries(download.rawPayload);
    json = Object.fromEntries(
      DATA_KINDS.map((k) => [k.id, JSON.parse(entries.get(`${k.id}.json`)?.toString() ?? '{}') as Json]),
    );
    everything = [...entries.values()].map((b) => b.toString('latin1')).join('\n');
  }, 60_000);
  afterAll(async () => t.close());

  const idsOf = (kind: string, section: string, field = 'id') =>
    (json[kind]?.[section] ?? []).map((r) => r[field]).sort();

  it('writes one JSON file per kind of record, a README and the media folder', () => {
    const names = [...entries.keys()];
    for (const kind of DATA_KINDS) expect(names).toContain(`${kind.id}.json`);
    expect(names).toContain('README.md');
    expect(names.filter((n) => !n.startsWith('media/')).sort()).toEqual(
      [...DATA_KINDS.map((k) => `${k.id}.json`), 'README.md'].sort(),
    );
  });

  it("holds every record of the person's, compared with the store", async () => {
    const { store } = t.container;
    const list = async <T>(read: Promise<{ items: T[] }>) => (await read).items;
    expect(json.account?.account).toEqual([
      expect.objectContaining({ id: ids.alice, email: 'alice@example.com' }),
    ]);
    expect(idsOf('memberships', 'memberships', 'workspaceId')).toEqual([ids.aliceWs, ids.bobWs].sort());
    expect(idsOf('workspaces', 'workspaces')).toEqual([ids.aliceWs]);
    expect(json.sessions?.sessions).toHaveLength((await store.sessions.listByUser(ids.alice)).length);
    const connections = await list(store.connections.listByWorkspace(ids.aliceWs, { limit: 10 }));
    expect(connections).toHaveLength(2);
    expect(idsOf('connections', 'connections')).toEqual(connections.map((c) => c.id).sort());
    const items = await list(store.content.listItems(ids.aliceWs, {}, { limit: 50 }));
    expect(idsOf('items', 'items')).toEqual([...items.map((i) => i.id), aliceInBob.id].sort());
    const versions = (
      await Promise.all([...items, aliceInBob].map((i) => store.content.listVersions(i.workspaceId, i.id)))
    ).flat();
    expect(idsOf('versions', 'versions')).toEqual(versions.map((v) => v.id).sort());
    expect(json.versions?.versions).toContainEqual(
      expect.objectContaining({ parameters: { hookStyle: 'question', pace: 1.1 } }),
    );
    const reviews = await list(store.reviews.list(ids.aliceWs, {}, { limit: 50 }));
    expect(idsOf('reviews', 'reviews', 'versionId')).toEqual(reviews.map((r) => r.versionId).sort());
    const publications = await list(store.publications.list(ids.aliceWs, {}, { limit: 50 }));
    expect(idsOf('publications', 'publications')).toEqual(publications.map((p) => p.id).sort());
    const videos = await store.trackedVideos.listAll(ids.aliceWs, {});
    expect(idsOf('stats', 'videos')).toEqual(videos.map((v) => v.id).sort());
    const readings = await store.snapshots.listForVideos(
      ids.aliceWs,
      videos.map((v) => v.id),
    );
    expect(readings.length).toBeGreaterThan(0);
    expect(idsOf('stats', 'snapshots')).toEqual(readings.map((s) => s.id).sort());
    const events = await list(store.audit.list(ids.aliceWs, { limit: 50 }));
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(idsOf('audit-events', 'events')).toEqual(events.map((e) => e.id).sort());
    const assets = await list(store.mediaAssets.listByWorkspace(ids.aliceWs, { limit: 50 }));
    expect(idsOf('media', 'assets')).toEqual(assets.map((a) => a.id).sort());
    // The same advice the analytics page shows (the imported earlier posts are enough to learn from).
    const shown = (await alice.get('/api/analytics/recommendations')).json<{ cards: unknown[] }>();
    expect(shown.cards.length).toBeGreaterThan(0);
    expect(json.recommendations?.recommendations).toEqual([
      expect.objectContaining({ workspaceId: ids.aliceWs, cards: shown.cards }),
    ]);
    expect(json.invitations?.sent).toEqual([
      expect.objectContaining({ email: 'carol@example.com', workspaceId: ids.aliceWs }),
    ]);
    expect(idsOf('exports', 'exports')).toEqual([exportId]);
  });

  it('holds the media files of the workspaces the person owns, byte for byte, and no one else’s', () => {
    const media = [...entries.keys()].filter((n) => n.startsWith('media/'));
    expect(media.sort()).toEqual([...aliceFiles.keys()].map((k) => `media/${k}`).sort());
    for (const [key, bytes] of aliceFiles) expect(sha256(entries.get(`media/${key}`)!)).toBe(sha256(bytes));
    const shas = [...entries.values()].map(sha256);
    expect(shas).not.toContain(sha256(bobFile));
    expect(idsOf('media', 'files', 'path')).toEqual(media.sort());
  });

  it("holds nothing of anyone else: no other person's email, ids, workspace or media", () => {
    expect(foreign.length).toBeGreaterThan(8);
    for (const value of foreign) expect(everything, value).not.toContain(value);
  });

  it('holds no token, plaintext or sealed, only masked ones', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    const masked = (json.connections?.connections ?? []).map((c) => c.maskedAccessToken);
    expect(masked).toHaveLength(2);
    for (const m of masked) expect(m).toMatch(/…|••••/);
    expect(everything).not.toMatch(/passwordHash|tokenHash|scrypt\$/);
  });

  it('describes every file, section and field in the README, and writes no field it does not describe', () => {
    const readme = entries.get('README.md')!.toString();
    for (const kind of DATA_KINDS) {
      expect(readme).toContain(`## ${kind.id}.json`);
      const file = json[kind.id]!;
      expect(Object.keys(file).sort()).toEqual(Object.keys(EXPORT_FILES[kind.id]).sort());
      for (const [section, records] of Object.entries(file)) {
        const described = EXPORT_FILES[kind.id][section]!.fields;
        expect(readme).toContain(`### Section \`${section}\``);
        for (const field of Object.keys(described)) expect(readme).toContain(`| \`${field}\` |`);
        for (const record of records)
          expect(Object.keys(record).filter((k) => !(k in described))).toEqual([]);
      }
    }
  });

  it('mails the person a link to the download', () => {
    const mail = t.mailer.sent.find((m) => m.subject.includes('data is ready'));
    expect(mail?.to).toBe('alice@example.com');
    expect(mail?.text).toContain(`${t.origin}/api/privacy/exports/${exportId}/download?exp=`);
  });
});
