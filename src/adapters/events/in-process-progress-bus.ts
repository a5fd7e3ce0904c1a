import { EventEmitter } from 'node:events';
import type { ProgressBus, ProgressEvent } from '../../ports/progress-bus.js';

/** Progress events within one process (the embedded default runs api and worker together). */
export class InProcessProgressBus implements ProgressBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open progress stream is one listener; many tabs may watch at once.
    this.emitter.setMaxListeners(0);
  }

  publish(event: ProgressEvent): void {
    this.emitter.emit(`${event.workspaceId}/${event.itemId}`, event);
  }

  subscribe(workspaceId: string, itemId: string, listener: (event: ProgressEvent) => void): () => void {
    const channel = `${workspaceId}/${itemId}`;
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }
}
