/** Files of the workspace (renders, covers, voice-overs, uploads) under keys the app makes; written by `put` only. */
export interface MediaStore {
  /**
   * A local file holding the key's bytes, for tools that read paths (ffmpeg, uploads to platforms): the stored file
   * itself on a local store, a cached download on a bucket. Read it, never write it; throws when the key is missing.
   */
  localPath(key: string): Promise<string>;
  /** Moves a finished file into the store under `key`. */
  put(key: string, sourcePath: string): Promise<void>;
  /** Gives a stored file another key (an upload checked under a temporary key), removing the old one. */
  move(fromKey: string, toKey: string): Promise<void>;
  /** True when a file is stored under the key. */
  exists(key: string): Promise<boolean>;
  /** Size in bytes, or null. */
  size(key: string): Promise<number | null>;
  /** SHA-256 (hex) of the file's bytes, read as a stream; null when it does not exist. */
  sha256(key: string): Promise<string | null>;
  /** Removes the file; removing a missing file is fine. */
  delete(key: string): Promise<void>;
  /** Deletes every file whose key starts with `prefix` (a folder such as `workspaces/<id>/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Every key under `prefix` (a folder ending in "/"), sorted. */
  list(prefix: string): Promise<string[]>;
  /**
   * A URL where the file can be fetched directly for `ttlSeconds`, or null when the app serves its files itself
   * (the local store): links then stream through the API.
   */
  signedReadUrl(key: string, ttlSeconds: number): Promise<string | null>;
  /** A scratch directory for one job, removed by `cleanup`. */
  scratch(): Promise<{ dir: string; cleanup(): Promise<void> }>;
}
