import { afterEach, beforeEach } from 'vitest';
import type { Connection } from '../../../src/domain/connection.js';
import type { AuditEvent } from '../../../src/domain/connection-records.js';
import type { ContentItem, Job, MediaAsset, Version } from '../../../src/domain/content-item.js';
import type { Brief } from '../../../src/domain/content.js';
import { newId } from '../../../src/domain/ids.js';
import type { Invitation, User, Workspace } from '../../../src/domain/people.js';
import type { Role } from '../../../src/domain/roles.js';
import type { Page, PageRequest, Store } from '../../../src/ports/store.js';
import type { OpenStore, StoreHarness } from './harness.js';

/** Shared dates of the store contract suites; LATER is a day after NOW. */
export const NOW = '2026-01-15T12:00:00.000Z';
export const LATER = '2026-01-16T12:00:00.000Z';
export const EARLIER = '2026-01-14T12:00:00.000Z';

/** Opens a fresh store before each test of the enclosing describe and throws it away after. */
export function freshStore(open: OpenStore): () => Store {
  let harness: StoreHarness | undefined;
  beforeEach(async () => {
    harness = await open();
  });
  afterEach(async () => {
    await harness?.cleanup();
    harness = undefined;
  });
  return () => {
    if (!harness) throw new Error('the store is opened before each test');
    return harness.store;
  };
}

/** Follows `nextCursor` to the end and returns every page's items, checking each page's size. */
export async function allPages<T>(
  list: (page: PageRequest) => Promise<Page<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list({ limit, cursor });
    if (page.items.length > limit) throw new Error(`a page held ${page.items.length} items, limit ${limit}`);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

export function user(email = `${newId()}@example.com`): User {
  return {
    id: newId(),
    email,
    name: email.split('@')[0] ?? 'x',
    passwordHash: 'scrypt$hash',
    createdAt: NOW,
  };
}

/** Creates a workspace with the given members (their users must exist). */
export async function workspaceWith(
  store: Store,
  ...members: { user: User; role: Role }[]
): Promise<Workspace> {
  const ws = { id: newId(), name: 'Studio', createdAt: NOW };
  await store.workspaces.create(ws);
  for (const m of members) {
    await store.memberships.add({
      id: newId(),
      workspaceId: ws.id,
      userId: m.user.id,
      role: m.role,
      joinedAt: NOW,
    });
  }
  return ws;
}

export function invitation(workspaceId: string, over: Partial<Invitation> = {}): Invitation {
  return {
    id: newId(),
    workspaceId,
    email: `${newId()}@example.com`,
    role: 'editor',
    tokenHash: newId(),
    invitedBy: 'someone',
    createdAt: NOW,
    expiresAt: LATER,
    acceptedAt: null,
    acceptedBy: null,
    ...over,
  };
}

export function connection(workspaceId: string, over: Partial<Connection> = {}): Connection {
  return {
    id: newId(),
    workspaceId,
    platform: 'tiktok',
    externalAccountId: `acct-${newId()}`,
    displayName: 'Creator',
    avatarUrl: null,
    scopes: ['video.publish'],
    status: 'active',
    accessTokenExpiresAt: LATER,
    refreshTokenExpiresAt: null,
    maskedAccessToken: 'abcd…wxyz',
    maskedRefreshToken: null,
    lastRefreshedAt: null,
    lastError: null,
    nextRefreshAt: null,
    sandbox: true,
    aliases: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export const BRIEF: Brief = {
  topic: 'Morning habits',
  keyPoints: ['water', 'light'],
  audience: 'students',
  tone: 'friendly',
  language: 'en',
  durationSeconds: 20,
  stylePreset: 'clean',
  palette: ['#112233'],
  font: 'Inter',
  platforms: ['tiktok'],
  voice: 'default',
  captionStyle: 'karaoke',
  music: 'none',
};

export function item(workspaceId: string, over: Partial<ContentItem> = {}): ContentItem {
  return {
    id: newId(),
    workspaceId,
    title: 'Morning habits',
    source: 'generated',
    brief: BRIEF,
    status: 'queued',
    currentVersionId: null,
    failure: null,
    createdBy: 'u1',
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}

export function version(item: ContentItem, number: number, over: Partial<Version> = {}): Version {
  return {
    id: newId(),
    itemId: item.id,
    workspaceId: item.workspaceId,
    number,
    contentHash: `hash-${number}`,
    outputs: {
      source: 'upload',
      filename: 'clip.mp4',
      videoKey: `videos/${item.id}.mp4`,
      coverKey: `covers/${item.id}.jpg`,
      coverAtMs: 500,
      metadata: { tiktok: { caption: 'Morning habits #tips', aiGenerated: false } },
      media: {
        container: 'mp4',
        durationMs: 12_000,
        sizeBytes: 1_000_000,
        video: { codec: 'h264', profile: 'High', width: 1080, height: 1920, fps: 30, pixelFormat: 'yuv420p' },
        audio: { codec: 'aac', sampleRate: 48_000, channels: 2 },
        faststart: true,
      },
      preflight: [],
    },
    edits: {},
    parameters: { durationSeconds: 12, source: 'upload' },
    stageLog: [{ stage: 'metadata', cached: false, ms: 3 }],
    createdAt: NOW,
    ...over,
  };
}

export function asset(workspaceId: string, over: Partial<MediaAsset> = {}): MediaAsset {
  return {
    id: newId(),
    workspaceId,
    mediaKey: `library/${newId()}.png`,
    kind: 'image',
    filename: 'beach.png',
    sizeBytes: 2048,
    width: 1080,
    height: 1920,
    durationMs: null,
    tags: ['beach', 'sun'],
    createdAt: NOW,
    ...over,
  };
}

export function auditEvent(workspaceId: string, over: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: newId(),
    workspaceId,
    type: 'connected',
    platform: 'tiktok',
    connectionId: null,
    externalAccountId: null,
    actorUserId: null,
    detail: 'Scopes: video.publish',
    createdAt: NOW,
    ...over,
  };
}

/** A queued job of a workspace, due at NOW; `over` changes any field. */
export function queuedJob(workspaceId: string, over: Partial<Job> = {}): Job {
  return {
    id: newId(),
    workspaceId,
    type: 'generate',
    payload: {},
    status: 'queued',
    attempts: 0,
    progress: null,
    error: null,
    runAfter: NOW,
    leaseUntil: null,
    leaseOwner: null,
    leaseNode: null,
    idempotencyKey: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...over,
  };
}
