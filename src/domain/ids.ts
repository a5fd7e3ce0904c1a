import { ulid } from 'ulid';

/** Ids are made by the app (never by a store), sortable by creation time so they double as cursors. */
export function newId(): string {
  return ulid().toLowerCase();
}
