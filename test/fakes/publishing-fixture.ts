import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Connection, Platform } from '../../src/domain/connection.js';
import type { ContentItem, Version } from '../../src/domain/content-item.js';
import type { Role } from '../../src/domain/roles.js';
import { metadataHashes, type VersionReview } from '../../src/domain/publishing/review.js';
import type { Store } from '../../src/ports/store.js';
import type { TokenVault } from '../../src/ports/token-vault.js';
import type { AuthContext } from '../../src/services/auth-context.js';
import { connection, item, user, version, workspaceWith } from '../contract/store/fixtures.js';

/** The bytes of the fake approved video (any bytes do: only their hash and size matter here). */
export const VIDEO_BYTES = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251));

/** A workspace with an owner, a connection per platform, and an item whose version is approved as it is. */
export async function approvedVersionFixture(
  store: Store,
  mediaRoot: string,
  options: {
    role?: Role;
    platforms?: Platform[];
    approve?: boolean;
    /** An existing workspace (signed up through the API) instead of a new one. */
    workspace?: { id: string; userId: string };
    /** Seals tokens for each connection (the real token refresh reads them from the vault). */
    vault?: TokenVault;
  } = {},
): Promise<{
  ctx: AuthContext;
  item: ContentItem;
  version: Version;
  connections: Record<Platform, Connection>;
}> {
  let owner = user();
  let workspaceId: string;
  if (options.workspace) {
    owner = { ...owner, id: options.workspace.userId };
    workspaceId = options.workspace.id;
  } else {
    await store.users.create(owner);
    workspaceId = (await workspaceWith(store, { user: owner, role: options.role ?? 'owner' })).id;
  }
  const ws = { id: workspaceId };
  const it = item(ws.id, { status: 'ready', source: 'generated', title: 'Why the sky is blue' });
  await store.content.createItem(it);
  const base = version(it, 1);
  const v: Version = {
    ...base,
    outputs: {
      ...base.outputs,
      metadata: {
        tiktok: { caption: 'Why the sky is blue #science', aiGenerated: true },
        instagram: { caption: 'Blue skies #science', aiGenerated: true },
        youtube: {
          title: 'Why is the sky blue?',
          description: 'Scattering',
          tags: ['sky'],
          aiGenerated: true,
        },
      },
    },
  };
  await store.content.createVersion(v);
  await store.content.updateItem({ ...it, currentVersionId: v.id });
  const file = join(mediaRoot, v.outputs.videoKey);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, VIDEO_BYTES);
  if (options.approve !== false) await store.reviews.save(approvedReview(v, owner.id));
  const connections = {} as Record<Platform, Connection>;
  for (const platform of options.platforms ?? (['tiktok', 'instagram', 'youtube'] as Platform[])) {
    const scopes = platform === 'tiktok' ? ['user.info.basic', 'video.publish', 'video.upload'] : [];
    const c = connection(ws.id, { platform, scopes, displayName: `${platform} account` });
    await store.connections.create(c);
    if (options.vault) {
      const sealed = await options.vault.seal(
        { recordId: c.id, workspaceId: c.workspaceId },
        { accessToken: `access-${platform}-token-value`, refreshToken: `refresh-${platform}-token-value` },
      );
      await store.connections.saveTokens(c.workspaceId, c.id, sealed, c.createdAt);
    }
    connections[platform] = c;
  }
  const ctx: AuthContext = {
    sessionId: 's1',
    user: owner,
    workspaceId: ws.id,
    role: options.role ?? 'owner',
  };
  return { ctx, item: it, version: v, connections };
}

/** An approval sealing the version as it is now (its hash, its file's bytes, its texts). */
export function approvedReview(v: Version, by: string, videoBytes: Buffer = VIDEO_BYTES): VersionReview {
  const at = new Date().toISOString();
  return {
    versionId: v.id,
    itemId: v.itemId,
    workspaceId: v.workspaceId,
    state: 'approved',
    submittedBy: by,
    submittedAt: at,
    decidedBy: by,
    decidedAt: at,
    comment: null,
    seal: {
      contentHash: v.contentHash,
      videoSha256: createHash('sha256').update(videoBytes).digest('hex'),
      metadataHashes: metadataHashes(v.outputs.metadata),
    },
    history: [],
    updatedAt: at,
  };
}
