import type { SandboxProcess } from '../publishing/sandbox-process.js';
import { sandboxPosts } from '../publishing/sandbox-posts.js';
import { isFinished, listAll, titleOf, versionCount, type BenchWorkspace, type ItemRow } from './workload.js';
import type { PublicationRow } from './workload.js';

/** The end-of-run counts, from the app's API and the sandbox's own records. */
export interface Tally {
  items: number;
  itemsReady: number;
  /** Items neither ready nor failed with a reason. */
  itemsLost: number;
  /** Items whose generation ran to its end more than once (more than one version). */
  generationsTwice: number;
  publications: number;
  published: number;
  failedWithReason: number;
  /** Publications neither published with a post id nor failed with a reason. */
  publicationsLost: number;
  /** Publications with more than one post on their platform. */
  duplicatePosts: number;
  /** TikTok inits that never got a byte: a run that lost the race to another stopped there (not posts). */
  emptyTiktokInits: number;
  /** Publications the app calls published that have no post on the platform. */
  publishedWithoutPost: number;
  /** A few lines naming what went wrong, for the report. */
  notes: string[];
}

/** Counts items, versions and publications of every workspace, and the posts the sandbox holds for them. */
export async function tally(
  workspaces: BenchWorkspace[],
  sandbox: SandboxProcess,
  marker: string,
): Promise<Tally> {
  const notes: string[] = [];
  const items: ItemRow[] = [];
  const publications: PublicationRow[] = [];
  let generationsTwice = 0;
  for (const w of workspaces) {
    const rows = await listAll<ItemRow>(w.client, '/api/items');
    items.push(...rows);
    for (const item of rows) {
      const versions = await versionCount(w.client, item.id);
      if (versions > 1) {
        generationsTwice++;
        notes.push(`item ${item.id}: ${versions} versions`);
      }
    }
    publications.push(...(await listAll<PublicationRow>(w.client, '/api/publications')));
  }
  const ours = publications.filter((p) => titleOf(p).startsWith(marker));
  const { posts, emptyTiktokInits } = await sandboxPosts(sandbox, marker);
  let duplicatePosts = 0;
  let publishedWithoutPost = 0;
  for (const p of ours) {
    const n = posts.get(titleOf(p)) ?? 0;
    if (n > 1) {
      duplicatePosts++;
      notes.push(`publication ${p.id} (${p.platform}): ${n} posts`);
    }
    if (p.status === 'published' && n === 0) {
      publishedWithoutPost++;
      notes.push(`publication ${p.id} (${p.platform}): published, no post on the platform`);
    }
  }
  const itemsLost = items.filter((i) => i.status !== 'ready' && !(i.status === 'failed' && i.failure));
  const lost = ours.filter((p) => !isFinished(p));
  for (const i of itemsLost.slice(0, 5)) notes.push(`item ${i.id} left ${i.status}`);
  for (const p of lost.slice(0, 5)) notes.push(`publication ${p.id} (${p.platform}) left ${p.status}`);
  const failed = ours.filter((p) => p.status !== 'published' && isFinished(p));
  for (const p of failed.slice(0, 5))
    notes.push(`publication ${p.id} (${p.platform}) ${p.status}: ${p.error?.code} ${p.error?.message}`);
  for (const i of items.filter((x) => x.status === 'failed').slice(0, 5))
    notes.push(`item ${i.id} failed at ${i.failure?.stage}: ${i.failure?.reason}`);
  return {
    items: items.length,
    itemsReady: items.filter((i) => i.status === 'ready').length,
    itemsLost: itemsLost.length,
    generationsTwice,
    publications: ours.length,
    published: ours.filter((p) => p.status === 'published').length,
    failedWithReason: failed.length,
    publicationsLost: lost.length,
    duplicatePosts,
    emptyTiktokInits,
    publishedWithoutPost,
    notes,
  };
}
