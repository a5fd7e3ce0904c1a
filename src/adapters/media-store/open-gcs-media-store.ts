import { readFileSync } from 'node:fs';
import { Storage } from '@google-cloud/storage';
import { GcsMediaStore } from './gcs-media-store.js';

/** Where the bucket is and how to reach it (from the MEDIA_STORE=gcs settings). */
export interface GcsMediaStoreSettings {
  bucket: string;
  /** An emulator or fake; unset: Google. */
  apiEndpoint?: string | undefined;
  /** A service-account key file; unset: Application Default Credentials. */
  keyFile?: string | undefined;
  cacheDir: string;
  scratchDir: string;
}

/**
 * The bucket store with its client. With a key file, the project comes from the key, so the library never asks the
 * metadata server for it and signs URLs locally; without one it uses the machine's service account.
 */
export function openGcsMediaStore(settings: GcsMediaStoreSettings): GcsMediaStore {
  const projectId = settings.keyFile ? projectOfKey(settings.keyFile) : undefined;
  const storage = new Storage({
    ...(settings.apiEndpoint ? { apiEndpoint: settings.apiEndpoint } : {}),
    ...(settings.keyFile ? { keyFilename: settings.keyFile } : {}),
    ...(projectId ? { projectId } : {}),
  });
  return new GcsMediaStore({
    bucket: storage.bucket(settings.bucket),
    cacheDir: settings.cacheDir,
    scratchDir: settings.scratchDir,
    resumableUploads: !settings.apiEndpoint,
  });
}

function projectOfKey(keyFile: string): string | undefined {
  const parsed: unknown = JSON.parse(readFileSync(keyFile, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'project_id' in parsed
    ? String(parsed.project_id)
    : undefined;
}
