import type { StatsCall, StatsCallRepository } from '../../../ports/store/analytics.js';
import { newId } from '../../../domain/ids.js';
import { pack } from './codec.js';
import type { RecordCodec } from './collections.js';
import type { FsContext, QuerySpec } from './context.js';

// Times are compared as text, so every stored or compared time is first written the one UTC way.
const utc = (iso: string) => new Date(iso).toISOString();

const statsCallDoc = (call: StatsCall) => {
  const stored = { ...call, at: utc(call.at) };
  return pack(stored, {
    workspaceId: call.workspaceId,
    connectionId: call.connectionId,
    platform: call.platform,
    at: stored.at,
    units: call.units,
  });
};

/** The log of stats API calls that the sync's rate and quota budgets count. */
export function firestoreStatsCalls(ctx: FsContext): StatsCallRepository {
  return {
    record: (call) => ctx.set('statsCalls', newId(), statsCallDoc(call)),
    // Summed by the server: a day's quota window may hold thousands of calls.
    unitsSince: ({ platform, since, connectionId }) => {
      const where: QuerySpec['where'] = [
        ['platform', '==', platform],
        ['at', '>=', utc(since)],
      ];
      if (connectionId) where.unshift(['connectionId', '==', connectionId]);
      return ctx.sum({ collection: 'statsCalls', where }, 'units');
    },
    deleteBefore: (before) =>
      ctx.deleteWhere({ collection: 'statsCalls', where: [['at', '<', utc(before)]] }),
  };
}

/**
 * Stats calls as `record` writes them. A call has no id of its own (SQLite numbers its rows), so each migrated
 * call gets a new document id.
 */
export const statsCallCodecs: RecordCodec[] = [
  {
    collection: 'statsCalls',
    toDocs: (record) => [{ collection: 'statsCalls', id: newId(), doc: statsCallDoc(record as StatsCall) }],
  },
];
