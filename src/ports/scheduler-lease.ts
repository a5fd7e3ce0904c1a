/**
 * The right to plan the recurring work, held by one scheduler at a time: taken when free, kept by renewing it,
 * and free again when its holder lets go or stops renewing for `ttlMs`.
 */
export interface SchedulerLease {
  /** How long the lease lasts without a renewal, in ms (holders renew well within it). */
  readonly ttlMs: number;
  /** Takes the lease when it is free, or renews it when this holder has it; true when this holder has it now. */
  acquire(): Promise<boolean>;
  /** Lets go of the lease if this holder has it, so a standby takes over at once instead of after `ttlMs`. */
  release(): Promise<void>;
  /** Lets go of the connection behind the lease (after `release`). */
  close(): Promise<void>;
}
