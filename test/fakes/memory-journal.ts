import type { JournalEntry, PublishCheckpoint } from '../../src/domain/publishing/publication.js';
import type { PublishJournal } from '../../src/ports/platform-publisher.js';

/** The simulated crash a MemoryJournal throws once its record budget is spent. */
export class JournalCrash extends Error {
  constructor(
    readonly step: string,
    readonly phase: 'before' | 'after',
  ) {
    super(`simulated crash while recording ${step} ${phase}`);
    this.name = 'JournalCrash';
  }
}

export interface MemoryJournalOptions {
  /** The state a previous run saved (a resumed publication). */
  remote?: PublishCheckpoint['remote'];
  /** Records that succeed before every later one throws JournalCrash without storing anything (a crash). */
  crashAfterRecords?: number;
  /** Crash at the first record of this step and phase instead (e.g. `init`/`after`: the init answer is lost). */
  crashAt?: { step: string; phase: 'before' | 'after' };
  /** Runs after each stored record (e.g. to move a sandbox clock between two chunks). */
  onRecord?: (step: string, phase: 'before' | 'after', count: number) => void;
}

/**
 * An in-memory PublishJournal for publisher tests: it merges patches like the real one, keeps the entries and
 * status updates for assertions, and can crash at a chosen record to simulate a process dying mid-publish.
 */
export class MemoryJournal implements PublishJournal {
  remote: PublishCheckpoint['remote'];
  readonly entries: (JournalEntry & { patch: PublishCheckpoint['remote'] })[] = [];
  readonly statuses: { status: 'uploading' | 'processing'; detail: string }[] = [];
  private recordsLeft: number;

  constructor(private readonly options: MemoryJournalOptions = {}) {
    this.remote = { ...options.remote };
    this.recordsLeft = options.crashAfterRecords ?? Number.POSITIVE_INFINITY;
  }

  /** Merges the patch and appends an entry, unless the simulated crash is due. */
  async record(
    step: string,
    phase: 'before' | 'after',
    patch: PublishCheckpoint['remote'] = {},
  ): Promise<void> {
    const at = this.options.crashAt;
    if (this.recordsLeft <= 0 || (at && at.step === step && at.phase === phase)) {
      this.recordsLeft = 0;
      throw new JournalCrash(step, phase);
    }
    this.recordsLeft -= 1;
    this.remote = { ...this.remote, ...patch };
    this.entries.push({ step, phase, at: new Date().toISOString(), patch });
    this.options.onRecord?.(step, phase, this.entries.length);
  }

  /** Keeps the person-visible status updates. */
  async status(status: 'uploading' | 'processing', detail: string): Promise<void> {
    this.statuses.push({ status, detail });
  }

  /** The steps recorded so far, as `step:phase`. */
  steps(): string[] {
    return this.entries.map((e) => `${e.step}:${e.phase}`);
  }

  /** A fresh journal over what this one saved: the next run after a crash. */
  resumed(options: Omit<MemoryJournalOptions, 'remote'> = {}): MemoryJournal {
    return new MemoryJournal({ ...options, remote: this.remote });
  }
}
