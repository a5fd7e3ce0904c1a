import { Icon } from '../../components/Icon.js';
import { UploadProgress } from '../../components/UploadProgress.js';
import { formatBytes } from '../../lib/fileSize.js';
import { isFinished, type UploadEntry } from './uploadQueue.js';

function UploadState({ entry }: { entry: UploadEntry }) {
  switch (entry.status) {
    case 'waiting':
      return <span className="muted">Waiting</span>;
    case 'uploading':
      return <UploadProgress filename={entry.filename} sent={entry.sent} />;
    case 'done':
      return (
        <span className="upload-done">
          <Icon name="check" className="icon icon-small" /> Added
        </span>
      );
    case 'failed':
      return <span className="upload-error">{entry.error}</span>;
  }
}

interface UploadListProps {
  entries: UploadEntry[];
  onClearFinished: () => void;
}

/** Each file with its own state; the live region next to it announces the changes. */
export function UploadList({ entries, onClearFinished }: UploadListProps) {
  if (entries.length === 0) return null;
  return (
    <div className="stack">
      <ul className="upload-list" aria-label="Uploads">
        {entries.map((entry) => (
          <li key={entry.id} className={`upload-entry upload-entry-${entry.status}`}>
            <span className="upload-name">{entry.filename}</span>
            <span className="upload-size">{formatBytes(entry.sizeBytes)}</span>
            <span className="upload-state">
              <UploadState entry={entry} />
            </span>
          </li>
        ))}
      </ul>
      {entries.some(isFinished) && (
        <button type="button" className="button button-secondary upload-clear" onClick={onClearFinished}>
          Clear finished uploads
        </button>
      )}
    </div>
  );
}
