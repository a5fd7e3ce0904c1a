import type { StatsSnapshot, TrackedVideo } from '../../src/domain/analytics/stats.js';
import type { Platform } from '../../src/domain/connection.js';
import type { Store } from '../../src/ports/store.js';

/** The few store reads the recommendations service makes, over arrays a test may change between calls. */
export function analyticsReadingStore(data: {
  connections: { id: string; workspaceId: string; platform: Platform }[];
  videos: TrackedVideo[];
  snapshots: StatsSnapshot[];
}): Store {
  const store = {
    connections: {
      findById: async (workspaceId: string, id: string) =>
        data.connections.find((c) => c.workspaceId === workspaceId && c.id === id) ?? null,
    },
    trackedVideos: {
      listAll: async (workspaceId: string) => data.videos.filter((v) => v.workspaceId === workspaceId),
    },
    snapshots: {
      listForVideos: async (workspaceId: string, ids: string[]) =>
        data.snapshots.filter((s) => s.workspaceId === workspaceId && ids.includes(s.trackedVideoId)),
    },
  };
  return store as unknown as Store;
}
