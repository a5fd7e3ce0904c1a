import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { MediaAssetView } from '../../../api/library.js';
import { errorMessage } from '../../api/client.js';
import { uploadMedia } from './mediaApi.js';
import { emptyUploadQueue, newEntry, uploadQueueReducer, type UploadQueueState } from './uploadQueue.js';

interface Job {
  id: number;
  file: File;
  description: string;
}

export interface UploadQueue extends UploadQueueState {
  /** Queues files (all with this description); files over the limit are refused at once. */
  add: (files: File[], description: string) => void;
  clearFinished: () => void;
}

/** Uploads files one after another, so each gets the whole connection and its own progress. */
export function useUploadQueue(maxBytes: number, onUploaded: (asset: MediaAssetView) => void): UploadQueue {
  const [state, dispatch] = useReducer(uploadQueueReducer, emptyUploadQueue);
  const jobs = useRef<Job[]>([]);
  const running = useRef(false);
  const nextId = useRef(1);
  // The loop outlives renders; it calls whichever callback is current when a file finishes.
  const uploaded = useRef(onUploaded);
  useEffect(() => {
    uploaded.current = onUploaded;
  }, [onUploaded]);

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    for (let job = jobs.current.shift(); job; job = jobs.current.shift()) {
      const { id } = job;
      dispatch({ type: 'started', id });
      try {
        const asset = await uploadMedia(job.file, job.description, (sent) =>
          dispatch({ type: 'progress', id, sent }),
        );
        dispatch({ type: 'done', id });
        uploaded.current(asset);
      } catch (error) {
        dispatch({ type: 'failed', id, error: errorMessage(error) });
      }
    }
    running.current = false;
  }, []);

  const add = useCallback(
    (files: File[], description: string) => {
      if (files.length === 0) return;
      const entries = files.map((file) => {
        const entry = newEntry(nextId.current++, file.name, file.size, maxBytes);
        if (entry.status === 'waiting') jobs.current.push({ id: entry.id, file, description });
        return entry;
      });
      dispatch({ type: 'added', entries });
      void drain();
    },
    [maxBytes, drain],
  );

  const clearFinished = useCallback(() => dispatch({ type: 'cleared' }), []);
  return { ...state, add, clearFinished };
}
