import { useEffect, useEffectEvent, useState } from 'react';
import { itemEventsPath } from './itemApi.js';
import { applyProgressEvent, initialProgress, progressEvent, type ItemProgress } from './itemProgress.js';
import { isStage } from './stages.js';

const RECONNECT_MS = 5_000;

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export interface ProgressCallbacks {
  /** The first event naming a stage: the item has left the queue. */
  onStarted: () => void;
  /** The stream said ready or failed (or could not be opened): time to re-read the item. */
  onSettled: () => void;
}

/** Follows one item's generation over server-sent events while mounted. Mount it afresh for each generation. */
export function useItemProgress(itemId: string, callbacks: ProgressCallbacks): ItemProgress {
  const [progress, setProgress] = useState(initialProgress);
  const [attempt, setAttempt] = useState(0);
  const settled = useEffectEvent(callbacks.onSettled);
  const started = useEffectEvent(callbacks.onStarted);

  useEffect(() => {
    const source = new EventSource(itemEventsPath(itemId));
    let retryTimer: number | undefined;
    source.addEventListener('progress', (message: MessageEvent) => {
      const parsed = progressEvent.safeParse(parseJson(message.data));
      if (!parsed.success) return;
      setProgress((current) => applyProgressEvent(current, parsed.data));
      if (isStage(parsed.data.stage)) started();
      // The server ends the stream after the last event; closing stops EventSource from reconnecting to it.
      if (parsed.data.status !== 'running') {
        source.close();
        settled();
      }
    });
    // EventSource retries a dropped connection by itself; it gives up only when the server refuses the stream.
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED) return;
      settled();
      retryTimer = window.setTimeout(() => setAttempt((value) => value + 1), RECONNECT_MS);
    });
    return () => {
      source.close();
      window.clearTimeout(retryTimer);
    };
  }, [itemId, attempt]);

  return progress;
}
