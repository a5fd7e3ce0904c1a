import type { SnapshotRepository, TrackedVideoRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

// Placeholder until the analytics tables land (migration 8); replaced, never shipped.
const pending = (): never => {
  throw new Error('analytics store not built yet');
};

export function sqliteTrackedVideos(_db: Db, _run: Run): TrackedVideoRepository {
  return {
    create: pending,
    find: pending,
    findByPost: pending,
    update: pending,
    listDue: pending,
    list: pending,
    listAll: pending,
    deleteByConnection: pending,
    summarize: pending,
    topByViewsAt7d: pending,
    listSeries: pending,
  };
}

export function sqliteSnapshots(_db: Db, _run: Run): SnapshotRepository {
  return { append: pending, listForVideo: pending, listForVideos: pending, dailyGains: pending };
}
