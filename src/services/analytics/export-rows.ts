import type { ExportedVideo } from '../../api/analytics.js';
import type { StatsSnapshot, TrackedVideo } from '../../domain/analytics/stats.js';
import type { ContentItem, Version } from '../../domain/content-item.js';
import type { Store } from '../../ports/store.js';
import type { AccountDirectory } from './account-directory.js';
import { snapshotView } from './tracked-video-view.js';

// Videos whose snapshots are read in one store call: bounded memory, few round trips.
const CHUNK = 250;

/** Each video with its readings (oldest first), a chunk of videos per store call. */
async function* withSnapshots(
  store: Store,
  workspaceId: string,
  videos: TrackedVideo[],
): AsyncGenerator<{ video: TrackedVideo; snapshots: StatsSnapshot[] }> {
  for (let start = 0; start < videos.length; start += CHUNK) {
    const chunk = videos.slice(start, start + CHUNK);
    const readings = await store.snapshots.listForVideos(
      workspaceId,
      chunk.map((v) => v.id),
    );
    const byVideo = new Map<string, StatsSnapshot[]>();
    for (const s of readings) {
      const list = byVideo.get(s.trackedVideoId);
      if (list) list.push(s);
      else byVideo.set(s.trackedVideoId, [s]);
    }
    for (const video of chunk) yield { video, snapshots: byVideo.get(video.id) ?? [] };
  }
}

/** The brief and version parameters of the videos the product made, each item and version read once. */
class GenerationReader {
  private readonly items = new Map<string, Promise<ContentItem | null>>();
  private readonly versions = new Map<string, Promise<Version | null>>();

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
  ) {}

  async of(video: TrackedVideo): Promise<ExportedVideo['generation']> {
    const item = video.itemId ? await this.item(video.itemId) : null;
    const version = video.versionId ? await this.version(video.versionId) : null;
    return {
      factors: video.factors,
      brief: item ? { ...item.brief } : null,
      parameters: version ? version.parameters : null,
    };
  }

  private item(id: string) {
    let found = this.items.get(id);
    if (!found) this.items.set(id, (found = this.store.content.findItem(this.workspaceId, id)));
    return found;
  }

  private version(id: string) {
    let found = this.versions.get(id);
    if (!found) this.versions.set(id, (found = this.store.content.findVersion(this.workspaceId, id)));
    return found;
  }
}

/** Every matching video as the export shows it, with its generation parameters and readings. */
export async function* exportedVideos(
  store: Store,
  workspaceId: string,
  videos: TrackedVideo[],
  accounts: AccountDirectory,
): AsyncGenerator<ExportedVideo> {
  const generation = new GenerationReader(store, workspaceId);
  for await (const { video, snapshots } of withSnapshots(store, workspaceId, videos)) {
    yield {
      id: video.id,
      platform: video.platform,
      connectionId: video.connectionId,
      accountName: accounts.nameOf(video.connectionId),
      title: video.title,
      url: video.url,
      publishedAt: video.publishedAt,
      source: video.source,
      itemId: video.itemId,
      versionId: video.versionId,
      seriesId: video.seriesId,
      generation: await generation.of(video),
      snapshots: snapshots.map(snapshotView),
    };
  }
}
