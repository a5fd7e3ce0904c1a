import type { DocWrite } from './collections.js';
import type { FsContext } from './context.js';

/** gRPC ALREADY_EXISTS: a `create` found its document there. */
const ALREADY_EXISTS = 6;

/**
 * Writes `writes` unless the guard document (a unique key) exists; true when written. Outside a transaction this
 * is one batch whose `create` of the guard fails the whole commit when the key is taken, one round trip where a
 * transaction takes three (bulk imports and the sweeps create thousands). Inside the caller's transaction, the
 * guard is read first (its reads must all precede its writes) and the writes join it.
 */
export async function createUnlessGuarded(
  ctx: FsContext,
  guard: DocWrite,
  writes: DocWrite[],
): Promise<boolean> {
  if (ctx.tx) {
    if (await ctx.get(guard.collection, guard.id)) return false;
    for (const w of [guard, ...writes]) await ctx.set(w.collection, w.id, w.doc);
    return true;
  }
  const batch = ctx.db.batch();
  batch.create(ctx.ref(guard.collection, guard.id), guard.doc);
  for (const w of writes) batch.set(ctx.ref(w.collection, w.id), w.doc);
  try {
    await batch.commit();
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw error;
  }
}
