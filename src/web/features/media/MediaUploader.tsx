import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { MediaAssetView } from '../../../api/library.js';
import { ErrorAlert } from '../../components/Alerts.js';
import { DropZone } from '../../components/DropZone.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { formatBytes } from '../../lib/fileSize.js';
import { ACCEPTED_FILES, limitsQuery } from './mediaApi.js';
import { UploadList } from './UploadList.js';
import { useUploadQueue } from './useUploadQueue.js';

const DESCRIPTION_MAX = 300;

function UploadForm({ maxBytes, onUploaded }: { maxBytes: number; onUploaded: (a: MediaAssetView) => void }) {
  const queue = useUploadQueue(maxBytes, onUploaded);
  const [description, setDescription] = useState('');

  function addFiles(files: File[]) {
    queue.add(files, description);
    setDescription('');
  }

  return (
    <>
      <Field
        label="Description (optional)"
        name="description"
        value={description}
        maxLength={DESCRIPTION_MAX}
        autoComplete="off"
        hint="What the files show, e.g. “beach at sunset, surfing”. Its words are matched against the script, and it goes with the files you add next."
        onChange={(event) => setDescription(event.target.value)}
      />
      <DropZone
        prompt="Drag pictures, clips or audio files here, or"
        buttonLabel="Choose files"
        accept={ACCEPTED_FILES}
        multiple
        onFiles={addFiles}
        hint={`Up to ${formatBytes(maxBytes)} each: PNG, JPEG or WebP pictures, MP4, MOV or WebM clips, and audio files for background music.`}
      />
      <p role="status" className="visually-hidden">
        {queue.announcement}
      </p>
      <UploadList entries={queue.entries} onClearFinished={queue.clearFinished} />
    </>
  );
}

/** The upload panel, for people who may add media (owners and editors). */
export function MediaUploader({ onUploaded }: { onUploaded: (asset: MediaAssetView) => void }) {
  const limits = useQuery(limitsQuery);
  const headingId = useId();
  return (
    <section className="panel media-uploader" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        Add files
      </h2>
      {limits.status === 'pending' && <Loading label="Loading upload limits…" />}
      {limits.status === 'error' && <ErrorAlert error={limits.error} />}
      {limits.status === 'success' && (
        <UploadForm maxBytes={limits.data.maxUploadBytes} onUploaded={onUploaded} />
      )}
    </section>
  );
}
