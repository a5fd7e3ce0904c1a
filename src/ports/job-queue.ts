/** Puts durable background work in line; the in-process queue keeps it in the store, BullMQ in Redis. */
export interface JobQueue {
  /** Enqueues a job of a catalog type; returns its id. */
  enqueue(type: string, workspaceId: string, payload: Record<string, unknown>): Promise<string>;
}
