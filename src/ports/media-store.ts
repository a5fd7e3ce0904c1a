/** Files of the workspace (renders, covers, voice-overs, uploads) under keys the app makes. */
export interface MediaStore {
  /** Absolute path for a key (files live on a local path or a mounted bucket). */
  pathOf(key: string): string;
  /** Moves a finished file into the store under `key`. */
  put(key: string, sourcePath: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Size in bytes, or null. */
  size(key: string): Promise<number | null>;
  /** SHA-256 (hex) of the file's bytes, read as a stream; null when it does not exist. */
  sha256(key: string): Promise<string | null>;
  delete(key: string): Promise<void>;
  /** Deletes every file whose key starts with `prefix` (a folder such as `workspaces/<id>/`); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** A scratch directory for one job, removed by `cleanup`. */
  scratch(): Promise<{ dir: string; cleanup(): Promise<void> }>;
}
