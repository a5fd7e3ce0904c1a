import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/Alerts.js';
import { DropZone } from '../../components/DropZone.js';
import { Field } from '../../components/Field.js';
import { Loading } from '../../components/Loading.js';
import { UploadProgress } from '../../components/UploadProgress.js';
import { formatBytes } from '../../lib/fileSize.js';
import { focusFirstInvalid, hasErrors, type FieldErrors } from '../../lib/validation.js';
import { itemKeys } from '../library/libraryApi.js';
import { limitsQuery } from '../media/mediaApi.js';
import { uploadVideo } from './createApi.js';
import { TextAreaField } from './FormControls.js';
import { PlatformChoices } from './PlatformChoices.js';
import {
  DESCRIPTION_MAX,
  defaultUploadDraft,
  titleFromFileName,
  toUploadForm,
  uploadErrors,
  VIDEO_FILES,
  type UploadDraft,
} from './uploadDraft.js';

/** The form once the size limit is known; after the upload, the browser goes to the new item's page. */
function UploadFields({ maxBytes }: { maxBytes: number }) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [draft, setDraft] = useState<UploadDraft>(defaultUploadDraft);
  // A title the person typed stays when they pick another file.
  const [titleTyped, setTitleTyped] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sent, setSent] = useState(0);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (form: FormData) => uploadVideo(form, setSent),
    onSuccess: ({ item }) => {
      void queryClient.invalidateQueries({ queryKey: itemKeys.all });
      void navigate(`/library/${encodeURIComponent(item.id)}`);
    },
  });

  function update<K extends keyof UploadDraft>(key: K, value: UploadDraft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
  }

  function pick(files: File[]) {
    const [first] = files;
    if (!first) return;
    if (files.length > 1) {
      setErrors((current) => ({ ...current, video: 'Choose one video at a time.' }));
      return;
    }
    setFile(first);
    const next = titleTyped ? draft : { ...draft, title: titleFromFileName(first.name) };
    setDraft(next);
    // The size is checked at once, so nobody fills in the rest for a file that cannot be sent.
    const found = uploadErrors(first, next, maxBytes);
    setErrors((current) => ({ ...current, video: found.video, title: current.title && found.title }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = uploadErrors(file, draft, maxBytes);
    setErrors(found);
    if (!file || hasErrors(found)) return focusFirstInvalid(event.currentTarget, found);
    setSent(0);
    upload.mutate(toUploadForm(file, draft));
  }

  return (
    <form className="form upload-video-form" noValidate onSubmit={submit}>
      <DropZone
        prompt="Drag a finished video here, or"
        buttonLabel="Choose a video"
        accept={VIDEO_FILES}
        multiple={false}
        name="video"
        error={errors.video}
        hint={`One MP4, MOV or WebM file, up to ${formatBytes(maxBytes)}. It is published as it is: no script, voice-over or captions are added.`}
        onFiles={pick}
      />
      <p role="status" className={file ? 'upload-chosen' : 'visually-hidden'}>
        {file && (
          <>
            Chosen: <strong>{file.name}</strong> ({formatBytes(file.size)})
          </>
        )}
      </p>
      <Field
        label="Title"
        name="title"
        value={draft.title}
        error={errors.title}
        autoComplete="off"
        hint="Filled in from the file name; change it as you like."
        onChange={(event) => {
          setTitleTyped(true);
          update('title', event.target.value);
        }}
      />
      <TextAreaField
        label="Description (optional)"
        name="description"
        rows={4}
        value={draft.description}
        error={errors.description}
        hint={`Used for the platform captions and the YouTube description. ${draft.description.length.toLocaleString()} of ${DESCRIPTION_MAX.toLocaleString()} characters.`}
        onChange={(event) => update('description', event.target.value)}
      />
      <PlatformChoices
        selected={draft.platforms}
        error={errors['platform-tiktok']}
        onChange={(platforms) => update('platforms', platforms)}
      />
      <div className="form-submit">
        {upload.isPending && file && <UploadProgress filename={file.name} sent={sent} />}
        <ErrorAlert error={upload.error} />
        <button type="submit" className="button button-primary" disabled={upload.isPending}>
          {upload.isPending ? 'Uploading…' : 'Upload video'}
        </button>
      </div>
    </form>
  );
}

/** A finished video, checked against each platform's rules and then reviewed like a generated one. */
export function UploadVideoForm() {
  const limits = useQuery(limitsQuery);
  if (limits.status === 'pending') return <Loading label="Loading upload limits…" />;
  if (limits.status === 'error') return <ErrorAlert error={limits.error} />;
  return <UploadFields maxBytes={limits.data.maxUploadBytes} />;
}
