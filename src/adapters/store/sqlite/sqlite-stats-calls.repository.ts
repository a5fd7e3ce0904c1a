import type { StatsCallRepository } from '../../../ports/store.js';
import type { Db } from './database.js';
import type { Run } from './sqlite-store.js';

// Times are compared as text, so every stored or compared time is first written the one UTC way.
const utc = (iso: string) => new Date(iso).toISOString();

/** The log of stats API calls that the sync's rate and quota budgets count. */
export function sqliteStatsCalls(db: Db, run: Run): StatsCallRepository {
  return {
    record: (call) =>
      run(
        () =>
          void db
            .prepare(
              'INSERT INTO stats_calls (workspace_id, connection_id, platform, at, units) VALUES (?, ?, ?, ?, ?)',
            )
            .run(call.workspaceId, call.connectionId, call.platform, utc(call.at), call.units),
      ),
    unitsSince: ({ platform, since, connectionId }) =>
      run(() => {
        const row = connectionId
          ? db
              .prepare(
                'SELECT TOTAL(units) AS n FROM stats_calls WHERE connection_id = ? AND at >= ? AND platform = ?',
              )
              .get(connectionId, utc(since), platform)
          : db
              .prepare('SELECT TOTAL(units) AS n FROM stats_calls WHERE platform = ? AND at >= ?')
              .get(platform, utc(since));
        return (row as { n: number }).n;
      }),
    deleteBefore: (before) =>
      run(() => db.prepare('DELETE FROM stats_calls WHERE at < ?').run(utc(before)).changes),
  };
}
