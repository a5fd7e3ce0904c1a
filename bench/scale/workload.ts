import { PLATFORMS, type Platform } from '../../src/domain/connection.js';
import { AppClient } from '../publishing/app-client.js';

/** One person's workspace with its three sandbox accounts connected through the app's OAuth flow. */
export interface BenchWorkspace {
  client: AppClient;
  workspaceId: string;
  connections: { id: string; platform: Platform }[];
}

/** An item as the list API shows it (the fields the bench reads). */
export interface ItemRow {
  id: string;
  status: string;
  currentVersionId: string | null;
  failure: { stage: string; reason: string } | null;
}

/** A publication as the API shows it (the fields the bench reads). */
export interface PublicationRow {
  id: string;
  status: string;
  platform: Platform;
  platformPostId: string | null;
  publishedAt: string | null;
  attempts: number;
  error: { code: string; message: string } | null;
  options: Record<string, unknown>;
  timeline: { at: string; status: string; detail: string }[];
  createdAt: string;
  updatedAt: string;
}

/** Signs a person up (their own workspace) and connects TikTok, Instagram and YouTube sandbox accounts. */
export async function openWorkspace(origin: string, email: string): Promise<BenchWorkspace> {
  const client = new AppClient(origin);
  const workspaceId = await client.signUp(email);
  const connections: BenchWorkspace['connections'] = [];
  for (const platform of PLATFORMS) connections.push({ id: await client.connect(platform), platform });
  return { client, workspaceId, connections };
}

/** Asks for a generated video of the shortest length the product allows (offline engines). */
export async function createItem(client: AppClient, topic: string): Promise<string> {
  const { item } = await client.call<{ item: { id: string } }>('POST', '/api/items', {
    topic,
    keyPoints: ['One short point'],
    durationSeconds: 10,
  });
  return item.id;
}

/** Every row of a paged list endpoint (`items`/`nextCursor`), following the cursor. */
export async function listAll<T>(client: AppClient, path: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const query: string = `${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: T[]; nextCursor: string | null } = await client.call('GET', `${path}${query}`);
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** How many versions an item has: a generation that ran to its end twice would leave two. */
export async function versionCount(client: AppClient, itemId: string): Promise<number> {
  const detail = await client.call<{ versions: unknown[] }>('GET', `/api/items/${itemId}`);
  return detail.versions.length;
}

/**
 * Publishes a version on a connection now, or at `scheduledAt`; the title (caption) names the publication so
 * the sandbox's own records can be counted per publication. An idempotency key makes a retried request safe.
 */
export async function publish(
  client: AppClient,
  versionId: string,
  connection: { id: string; platform: Platform },
  title: string,
  scheduledAt?: string,
): Promise<string> {
  const body = {
    versionId,
    connectionId: connection.id,
    options: generatedVideoOptions(connection.platform, title),
    ...(scheduledAt ? { scheduledAt } : {}),
  };
  const answer = await client.call<{ publication: { id: string } }>(
    'POST',
    '/api/publications',
    body,
    [201],
    { 'idempotency-key': title.replace(/[^A-Za-z0-9_-]/g, '-') },
  );
  return answer.publication.id;
}

// A generated video carries the platforms' AI labels; private posts, as a test account would make.
function generatedVideoOptions(platform: Platform, title: string): Record<string, unknown> {
  if (platform === 'tiktok')
    return {
      mode: 'direct',
      privacyLevel: 'SELF_ONLY',
      disableComment: true,
      disableDuet: true,
      disableStitch: true,
      isAigc: true,
      caption: title,
    };
  if (platform === 'instagram') return { caption: title };
  return { title, privacyStatus: 'private', madeForKids: false, containsSyntheticMedia: true };
}

/**
 * A publication the product has finished with: published, or failed with a reason. (A private TikTok post has no
 * post id to wait for; whether the platform really holds the post is counted from the sandbox's records.)
 */
export function isFinished(p: PublicationRow): boolean {
  if (p.status === 'published') return true;
  return (p.status === 'failed' || p.status === 'needs_action') && p.error !== null;
}

/** The caption or title the bench gave a publication. */
export function titleOf(p: PublicationRow): string {
  const text = p.options.caption ?? p.options.title;
  return typeof text === 'string' ? text : '';
}
