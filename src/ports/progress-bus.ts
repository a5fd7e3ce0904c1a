/** A live update about one content item's generation (also saved with its job, so late listeners catch up). */
export interface ProgressEvent {
  workspaceId: string;
  itemId: string;
  stage: string;
  /** 0..1 within the stage. */
  fraction: number;
  /** 0..1 for the whole generation. */
  overall: number;
  status: 'running' | 'ready' | 'failed';
  message?: string;
}

/** Publishes and delivers progress events (in-process emitter; Redis pub/sub across machines). */
export interface ProgressBus {
  publish(event: ProgressEvent): void;
  /** Calls `listener` for the item's events until the returned function is called. */
  subscribe(workspaceId: string, itemId: string, listener: (event: ProgressEvent) => void): () => void;
}
