import type { ItemStatus } from './libraryApi.js';
import { itemStatusLabels } from './itemStatus.js';

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  return <span className={`badge item-status item-status-${status}`}>{itemStatusLabels[status]}</span>;
}
