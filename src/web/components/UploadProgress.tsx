import { ProgressBar } from './ProgressBar.js';

/** One file on its way: the share sent, then "Checking…" while the server reads what arrived. */
export function UploadProgress({ filename, sent }: { filename: string; sent: number }) {
  return (
    <span className="upload-progress">
      <ProgressBar label={`Uploading ${filename}`} value={sent} small />
      <span className="upload-progress-text">{sent < 1 ? `${Math.round(sent * 100)}%` : 'Checking…'}</span>
    </span>
  );
}
