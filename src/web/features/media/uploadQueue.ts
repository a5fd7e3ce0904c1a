import { sizeProblem } from '../../lib/fileSize.js';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed';

/** One file the person added, from the moment it is picked until the server keeps or refuses it. */
export interface UploadEntry {
  id: number;
  filename: string;
  sizeBytes: number;
  status: UploadStatus;
  /** Share of the file sent so far, 0..1. */
  sent: number;
  /** Why it was refused, in the server's words (or ours, for a file too large to send). */
  error: string | null;
}

export interface UploadQueueState {
  entries: UploadEntry[];
  /** The latest change in words, for the screen reader's live region. */
  announcement: string;
}

export type UploadEvent =
  | { type: 'added'; entries: UploadEntry[] }
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; sent: number }
  | { type: 'done'; id: number }
  | { type: 'failed'; id: number; error: string }
  | { type: 'cleared' };

export const emptyUploadQueue: UploadQueueState = { entries: [], announcement: '' };

/** A new entry: waiting for its turn, or already refused when it is too large. */
export function newEntry(id: number, filename: string, sizeBytes: number, maxBytes: number): UploadEntry {
  const error = sizeProblem(filename, sizeBytes, maxBytes);
  return { id, filename, sizeBytes, status: error ? 'failed' : 'waiting', sent: 0, error };
}

function update(state: UploadQueueState, id: number, change: Partial<UploadEntry>): UploadEntry[] {
  return state.entries.map((entry) => (entry.id === id ? { ...entry, ...change } : entry));
}

function nameOf(state: UploadQueueState, id: number): string {
  return state.entries.find((entry) => entry.id === id)?.filename ?? 'The file';
}

function announceAdded(entries: UploadEntry[]): string {
  const refused = entries.filter((entry) => entry.error);
  const queued = entries.length - refused.length;
  const parts = [
    queued > 0 ? `${queued} ${queued === 1 ? 'file' : 'files'} queued for upload.` : '',
    ...refused.map((entry) => `Not added: ${entry.error}`),
  ];
  return parts.filter(Boolean).join(' ');
}

export const isFinished = (entry: UploadEntry) => entry.status === 'done' || entry.status === 'failed';

export function uploadQueueReducer(state: UploadQueueState, event: UploadEvent): UploadQueueState {
  switch (event.type) {
    case 'added':
      return { entries: [...state.entries, ...event.entries], announcement: announceAdded(event.entries) };
    case 'started':
      return {
        entries: update(state, event.id, { status: 'uploading', sent: 0 }),
        announcement: `Uploading ${nameOf(state, event.id)}.`,
      };
    case 'progress':
      // Progress is shown by the bar; announcing every step would drown the screen reader.
      return { ...state, entries: update(state, event.id, { sent: event.sent }) };
    case 'done':
      return {
        entries: update(state, event.id, { status: 'done', sent: 1 }),
        announcement: `${nameOf(state, event.id)} was added to the media library.`,
      };
    case 'failed':
      return {
        entries: update(state, event.id, { status: 'failed', error: event.error }),
        announcement: `${nameOf(state, event.id)} was not added: ${event.error}`,
      };
    case 'cleared':
      return {
        entries: state.entries.filter((entry) => !isFinished(entry)),
        announcement: '',
      };
  }
}
