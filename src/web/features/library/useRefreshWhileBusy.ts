import { useEffect, useState } from 'react';
import type { ItemView } from '../../../api/content.js';
import { isBusy } from './itemStatus.js';
import { listItems, type LibraryFilter } from './libraryApi.js';

const POLL_MS = 4_000;
const MAX_PAGE = 100;

/**
 * While any listed item is queued or generating, re-reads the list every few seconds and updates those items
 * in place. Polling, not one event stream per card: browsers allow only six connections per site.
 */
export function useRefreshWhileBusy(
  items: ItemView[],
  filter: LibraryFilter,
  update: (change: (items: ItemView[]) => ItemView[]) => void,
): void {
  const watching = items.some((item) => isBusy(item.status));
  const count = Math.min(MAX_PAGE, Math.max(1, items.length));
  const { status, search } = filter;
  // Bumped after a failed refresh, so the next one is still scheduled.
  const [failures, setFailures] = useState(0);

  useEffect(() => {
    if (!watching) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      listItems({ status, search }, null, controller.signal, count).then(
        (page) => {
          const fresh = new Map(page.items.map((item) => [item.id, item]));
          update((current) => current.map((item) => fresh.get(item.id) ?? item));
        },
        // The cards keep what they showed; the next refresh tries again.
        () => {
          if (!controller.signal.aborted) setFailures((value) => value + 1);
        },
      );
    }, POLL_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [watching, items, count, status, search, update, failures]);
}
