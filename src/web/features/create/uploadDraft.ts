import type { PlatformName } from '../../../api/connections.js';
import { UPLOAD_LIMITS } from '../../../api/content.js';
import { sizeProblem } from '../../lib/fileSize.js';

export const TITLE_MAX = UPLOAD_LIMITS.titleMax;
export const DESCRIPTION_MAX = UPLOAD_LIMITS.descriptionMax;

/** What the file picker offers; the server reads the file itself, so anything dropped still gets a plain answer. */
export const VIDEO_FILES = 'video/mp4,video/quicktime,video/webm,.mp4,.mov,.webm';

/** The upload form's values besides the file. */
export interface UploadDraft {
  title: string;
  description: string;
  platforms: PlatformName[];
}

export const defaultUploadDraft: UploadDraft = {
  title: '',
  description: '',
  platforms: ['tiktok', 'instagram', 'youtube'],
};

/** A starting title from the file's name: "cold_brew_final.mp4" → "cold brew final". */
export function titleFromFileName(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const stem = dot > 0 ? filename.slice(0, dot) : filename;
  return stem
    .replace(/[_\s]+/g, ' ')
    .trim()
    .slice(0, TITLE_MAX)
    .trim();
}

/** The file as the checks need it; a File fits. */
export interface PickedFile {
  name: string;
  size: number;
}

/** Keyed by the name of the control to focus, in form order. */
export type UploadErrors = Partial<Record<'video' | 'title' | 'description' | 'platform-tiktok', string>>;

/** Checks made before sending. */
export function uploadErrors(file: PickedFile | null, draft: UploadDraft, maxBytes: number): UploadErrors {
  const errors: UploadErrors = {};
  if (!file) errors.video = 'Choose the video to upload.';
  else {
    const tooBig = sizeProblem(file.name, file.size, maxBytes);
    if (tooBig) errors.video = tooBig;
  }
  const title = draft.title.trim();
  if (title.length < UPLOAD_LIMITS.titleMin)
    errors.title = `Give the video a title of at least ${UPLOAD_LIMITS.titleMin} characters.`;
  else if (title.length > TITLE_MAX) errors.title = `Keep the title to ${TITLE_MAX} characters.`;
  if (draft.description.trim().length > DESCRIPTION_MAX)
    errors.description = `Keep the description to ${DESCRIPTION_MAX.toLocaleString()} characters.`;
  if (draft.platforms.length === 0) errors['platform-tiktok'] = 'Choose at least one platform.';
  return errors;
}

/** The multipart body: the fields come before the file, since the server reads them when it reaches the file. */
export function toUploadForm(file: Blob & PickedFile, draft: UploadDraft): FormData {
  const form = new FormData();
  form.append('title', draft.title.trim());
  const description = draft.description.trim();
  if (description) form.append('description', description);
  form.append('platforms', draft.platforms.join(','));
  form.append('video', file, file.name);
  return form;
}
