import { Link } from 'react-router-dom';
import type { ItemView } from '../../../api/content.js';
import { isBusy } from './itemStatus.js';
import { ItemStatusBadge } from './ItemStatusBadge.js';
import { RelativeTime } from './RelativeTime.js';

/** What stands in for the cover until there is one; the status badge says the same in words. */
function CoverPlaceholder({ item }: { item: ItemView }) {
  const text =
    item.status === 'failed' ? 'Not made' : item.status === 'queued' ? 'Waiting to start' : 'Making…';
  return (
    <span className="item-cover item-cover-placeholder" aria-hidden="true">
      <span>{text}</span>
      {isBusy(item.status) && <span className="indeterminate-bar" />}
    </span>
  );
}

/** One video in the library grid; the whole card opens it (the title link is stretched over the card). */
export function ItemCard({ item }: { item: ItemView }) {
  const busy = isBusy(item.status);
  return (
    <li className="card item-card">
      <div className="item-cover-frame">
        {item.coverUrl ? (
          // The title right below names the video: the picture adds nothing a screen reader should repeat.
          <img className="item-cover" src={item.coverUrl} alt="" loading="lazy" width={270} height={480} />
        ) : (
          <CoverPlaceholder item={item} />
        )}
        {item.coverUrl && busy && (
          <span className="item-cover-busy" aria-hidden="true">
            <span className="indeterminate-bar" />
          </span>
        )}
      </div>
      <h3 className="item-card-title">
        <Link to={`/library/${encodeURIComponent(item.id)}`} className="item-card-link">
          {item.title}
        </Link>
      </h3>
      <div className="item-card-meta">
        <ItemStatusBadge status={item.status} />
        {item.source === 'upload' && <span className="badge badge-neutral">Uploaded</span>}
        <RelativeTime iso={item.createdAt} />
      </div>
    </li>
  );
}
