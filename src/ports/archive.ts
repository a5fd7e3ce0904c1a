/** One file added to an archive from disk: its name inside the archive and its size. */
export interface ArchivedFile {
  name: string;
  sizeBytes: number;
}

/** A ZIP being written to a file, entry by entry, streamed (never held whole in memory). */
export interface ZipWriter {
  /** Adds a text file (UTF-8). */
  addText(name: string, text: string): void;
  /** Adds one file from disk under `name`. */
  addFile(name: string, path: string): Promise<ArchivedFile>;
  /** Writes the end of the archive and resolves with its size once the file is complete. */
  finish(): Promise<number>;
}

/** Makes ZIP files (yazl on every install). */
export interface Archiver {
  /** Starts a ZIP at `path` (a scratch file). */
  create(path: string): ZipWriter;
}
