import type { MediaAssetView } from '../../../api/library.js';
import { RelativeTime } from '../library/RelativeTime.js';
import { mediaFacts, mediaKindLabels } from './mediaFormat.js';
import { MediaPreview } from './MediaPreview.js';

interface MediaCardProps {
  asset: MediaAssetView;
  /** Absent for people who may not delete (viewers, reviewers). */
  onDelete?: () => void;
}

export function MediaCard({ asset, onDelete }: MediaCardProps) {
  return (
    <li className="card media-card">
      <div className={asset.kind === 'audio' ? 'media-frame media-frame-audio' : 'media-frame'}>
        <MediaPreview asset={asset} />
      </div>
      <h3 className="media-name">{asset.filename}</h3>
      <p className="media-facts">
        <span className="badge badge-neutral">{mediaKindLabels[asset.kind]}</span>{' '}
        {mediaFacts(asset).join(' · ')}
      </p>
      {asset.tags.length > 0 && (
        <ul className="media-tags" aria-label={`Tags of ${asset.filename}`}>
          {asset.tags.map((tag) => (
            <li key={tag} className="media-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div className="media-card-footer">
        <RelativeTime iso={asset.createdAt} prefix="Added" />
        {onDelete && (
          <button type="button" className="button button-quiet-danger media-delete" onClick={onDelete}>
            Delete<span className="visually-hidden"> {asset.filename}</span>
          </button>
        )}
      </div>
    </li>
  );
}
