import type { PublishCheckpoint } from '../../src/domain/publishing/publication.js';
import type { PublishJournal } from '../../src/ports/platform-publisher.js';

/** A journal kept in memory: the publisher's saved platform-side state for one publication. */
export class MemoryJournal implements PublishJournal {
  readonly remote: PublishCheckpoint['remote'] = {};
  readonly steps: string[] = [];

  async record(step: string, phase: 'before' | 'after', patch: PublishCheckpoint['remote'] = {}) {
    Object.assign(this.remote, patch);
    this.steps.push(`${step}:${phase}`);
  }

  async status(): Promise<void> {}
}
