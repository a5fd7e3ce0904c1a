import { monotonicFactory } from 'ulid';

// Monotonic: ids made in the same millisecond still sort in creation order.
const nextUlid = monotonicFactory();

/** Ids are made by the app (never by a store), sortable by creation time so they double as cursors. */
export function newId(): string {
  return nextUlid().toLowerCase();
}
