import type { Publication, PublishCheckpoint } from '../../domain/publishing/publication.js';
import type { PublishJournal } from '../../ports/platform-publisher.js';
import { moveTo, saveNext } from './publication-records.js';
import type { PublishingDeps } from './publishing-deps.js';

// Where a publisher records the platform's handle for the upload in flight, by platform.
const REF_KEYS = ['publishId', 'containerId', 'videoId'] as const;

/**
 * The journal of one run: every record and status is saved with the compare-and-set before it returns, so a
 * call to the platform is made only after its "before" is stored, and a second worker that saved in between
 * makes this run stop (LostRace) instead of calling the platform too. Each save renews the run's hold.
 */
export class StoreJournal implements PublishJournal {
  constructor(
    private readonly deps: Pick<PublishingDeps, 'store' | 'clock'>,
    private current: Publication,
    private readonly holdMs: number,
  ) {}

  /** The publication as last saved by this run. */
  get publication(): Publication {
    return this.current;
  }

  get remote(): PublishCheckpoint['remote'] {
    return this.current.checkpoint.remote;
  }

  async record(
    step: string,
    phase: 'before' | 'after',
    patch: PublishCheckpoint['remote'] = {},
  ): Promise<void> {
    const at = this.now();
    const remote = { ...this.current.checkpoint.remote, ...patch };
    const ref = REF_KEYS.map((k) => remote[k]).find((v) => typeof v === 'string' && v !== '');
    await this.save({
      ...this.current,
      checkpoint: { remote, journal: [...this.current.checkpoint.journal, { step, phase, at }] },
      platformRef: typeof ref === 'string' ? ref : this.current.platformRef,
    });
  }

  async status(status: 'uploading' | 'processing', detail: string): Promise<void> {
    // A resumed run may report a step it is already past; the status never goes back.
    if (this.current.status === 'processing' && status === 'uploading') return;
    await this.save(moveTo(this.current, status, detail, this.now()));
  }

  /** Saves the publication as this run changed it (same rules as the journal's own saves). */
  async save(next: Publication): Promise<Publication> {
    const runner = next.runner ? { ...next.runner, until: this.now(this.holdMs) } : null;
    this.current = await saveNext(this.deps, { ...next, runner });
    return this.current;
  }

  private now(plusMs = 0): string {
    return new Date(this.deps.clock.now() + plusMs).toISOString();
  }
}
