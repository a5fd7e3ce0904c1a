import type { ItemStatus } from './libraryApi.js';

export const itemStatuses: readonly ItemStatus[] = ['queued', 'generating', 'ready', 'failed'];

export const itemStatusLabels: Record<ItemStatus, string> = {
  queued: 'Queued',
  generating: 'Generating',
  ready: 'Ready',
  failed: 'Failed',
};

/** Queued and generating items change on their own; pages watch them until they settle. */
export function isBusy(status: ItemStatus): boolean {
  return status === 'queued' || status === 'generating';
}
