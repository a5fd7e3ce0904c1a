import { useState } from 'react';
import type { MediaAssetView, MediaKind } from '../../../api/library.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Loading } from '../../components/Loading.js';
import type { PagedQuery } from '../../api/pagedQuery.js';
import { SelectField } from '../create/FormControls.js';
import { MediaCard } from './MediaCard.js';
import { filterByKind, listSummary, mediaKinds } from './mediaFormat.js';

const kindOptions: Record<MediaKind, string> = { image: 'Pictures', video: 'Clips', audio: 'Audio' };

interface MediaListProps {
  media: PagedQuery<MediaAssetView>;
  /** Absent for people who may not delete. */
  onDelete?: (asset: MediaAssetView) => void;
}

/** The library's files, newest first, with a kind filter and "Load more". */
export function MediaList({ media, onDelete }: MediaListProps) {
  const [kind, setKind] = useState<MediaKind | ''>('');

  if (media.status === 'loading') return <Loading label="Loading media…" />;
  if (media.status === 'error') {
    return (
      <div className="stack">
        <ErrorAlert error={media.error} />
        <button type="button" className="button button-secondary" onClick={media.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (media.items.length === 0) {
    return (
      <EmptyState heading="No media yet" icon="library">
        <p>
          {onDelete
            ? 'Add pictures or clips above and say what they show; new videos use them where the script calls for it. Audio files can be picked as background music.'
            : 'Pictures, clips and music that the owners and editors of this workspace add will show up here.'}
        </p>
      </EmptyState>
    );
  }

  const shown = filterByKind(media.items, kind);
  return (
    <section className="stack" aria-label="Media files">
      <div className="media-toolbar">
        <SelectField
          label="Show"
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as MediaKind | '')}
        >
          <option value="">All kinds</option>
          {mediaKinds.map((value) => (
            <option key={value} value={value}>
              {kindOptions[value]}
            </option>
          ))}
        </SelectField>
      </div>
      <p role="status" className="muted">
        {listSummary(shown.length, media.items.length, kind, media.hasMore)}
      </p>
      {shown.length > 0 && (
        <ul className="media-grid" aria-label="Media">
          {shown.map((asset) => (
            <MediaCard key={asset.id} asset={asset} onDelete={onDelete && (() => onDelete(asset))} />
          ))}
        </ul>
      )}
      {media.error && <ErrorAlert error={media.error} />}
      {media.hasMore && (
        <button
          type="button"
          className="button button-secondary load-more"
          onClick={media.loadMore}
          disabled={media.loadingMore}
        >
          {media.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
