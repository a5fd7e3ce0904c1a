import { sleep } from './product-process.js';
import {
  createItem,
  isFinished,
  listAll,
  publish,
  type BenchWorkspace,
  type ItemRow,
  type PublicationRow,
} from './workload.js';

/** An approved generated video of a workspace, ready to publish. */
export interface ApprovedVideo {
  workspace: BenchWorkspace;
  itemId: string;
  versionId: string;
}

/** What a publishing phase measured. */
export interface PhaseResult {
  label: string;
  publications: number;
  /** From the due time to the last publication finished. */
  seconds: number;
  perSecond: number;
  /**
   * From the due time to the last upload handed over to its platform (the publication's first `processing` or
   * `published`): the workers' own work, without the platform's processing, moderation and post-id waits.
   */
  uploadSeconds: number;
  uploadsPerSecond: number;
  /** Publications not finished when the phase gave up waiting. */
  unfinished: number;
}

/**
 * Asks every workspace for `perWorkspace` generated videos at once, then calls `midway` once a share of them is
 * ready (the bench kills a worker there), and waits until every item is ready or failed. Returns the items.
 */
export async function runGenerations(
  workspaces: BenchWorkspace[],
  perWorkspace: number,
  marker: string,
  midway: { atShare: number; act: (inFlight: number) => Promise<void> },
  withinMs: number,
): Promise<{ rows: Map<BenchWorkspace, ItemRow[]>; seconds: number }> {
  const started = Date.now();
  await Promise.all(
    workspaces.map(async (w, wi) => {
      for (let i = 0; i < perWorkspace; i++) await createItem(w.client, `${marker} video ${wi}-${i}`);
    }),
  );
  const total = workspaces.length * perWorkspace;
  let actedMidway = false;
  const until = Date.now() + withinMs;
  for (;;) {
    const rows = new Map<BenchWorkspace, ItemRow[]>();
    for (const w of workspaces) rows.set(w, await listAll<ItemRow>(w.client, '/api/items'));
    const all = [...rows.values()].flat();
    const done = all.filter((i) => i.status === 'ready' || i.status === 'failed').length;
    if (!actedMidway && done >= total * midway.atShare) {
      actedMidway = true;
      await midway.act(all.filter((i) => i.status === 'generating').length);
    }
    if (done === total || Date.now() > until) return { rows, seconds: (Date.now() - started) / 1000 };
    await sleep(2000);
  }
}

/**
 * One publishing phase: `count` publications spread over the videos and connections, all due at one moment a
 * little after they are made (so making them is not measured), then waits until each is finished. `during` runs
 * once `atShare` of them are finished (the bench kills a worker there). Throughput is counted from the due time to
 * the last finish the store recorded.
 */
export async function runPublishingPhase(input: {
  label: string;
  videos: ApprovedVideo[];
  count: number;
  marker: string;
  leadMs: number;
  withinMs: number;
  during?: { atShare: number; act: (inFlight: number) => Promise<void> };
}): Promise<{ result: PhaseResult; ids: Set<string> }> {
  const { videos, count, marker, label } = input;
  // Making a publication asks TikTok for the creator's settings: allow for that, so all are made before they are due.
  const due = Date.now() + Math.max(input.leadMs, count * 250);
  const dueIso = new Date(due).toISOString();
  const ids = new Set<string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        const video = videos[i % videos.length]!;
        const connections = video.workspace.connections;
        const connection = connections[Math.floor(i / videos.length) % connections.length]!;
        const title = `${marker} ${label} #${i}`;
        ids.add(await publish(video.workspace.client, video.versionId, connection, title, dueIso));
      }
    }),
  );
  // Measured from the due time all the same, so a late finish of the making only lowers the figure.
  if (Date.now() > due)
    console.warn(
      `${label}: making the publications took ${Date.now() - due} ms past their due time; raise --lead`,
    );
  const workspaces = [...new Set(videos.map((v) => v.workspace))];
  let acted = !input.during;
  const until = due + input.withinMs;
  let mine: PublicationRow[];
  for (;;) {
    await sleep(3000);
    mine = (await Promise.all(workspaces.map((w) => listAll<PublicationRow>(w.client, '/api/publications'))))
      .flat()
      .filter((p) => ids.has(p.id));
    const finished = mine.filter(isFinished).length;
    if (!acted && input.during && finished >= count * input.during.atShare) {
      acted = true;
      await input.during.act(
        mine.filter((p) => p.status === 'uploading' || p.status === 'processing').length,
      );
    }
    if (finished === count || Date.now() > until) break;
  }
  const finishedRows = mine.filter(isFinished);
  const last = Math.max(...finishedRows.map((p) => Date.parse(p.updatedAt)));
  const seconds = (last - due) / 1000;
  const handedOver = finishedRows.map(handedOverAt).filter((at): at is number => at !== null);
  const uploadSeconds = (Math.max(...handedOver) - due) / 1000;
  return {
    ids,
    result: {
      label,
      publications: count,
      seconds,
      perSecond: finishedRows.length / seconds,
      uploadSeconds,
      uploadsPerSecond: handedOver.length / uploadSeconds,
      unfinished: count - finishedRows.length,
    },
  };
}

/** When the platform had the whole video: the first time the publication was processing or published. */
function handedOverAt(p: PublicationRow): number | null {
  const entry = p.timeline.find((t) => t.status === 'processing' || t.status === 'published');
  return entry ? Date.parse(entry.at) : null;
}
