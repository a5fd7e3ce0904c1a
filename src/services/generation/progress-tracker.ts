import type { Stage, Version } from '../../domain/content-item.js';
import type { StageRun } from './stage-runner.js';

/** Told as stages start, advance and end: the stage, its own fraction, and the whole generation's. */
export type ProgressListener = (stage: Stage, fraction: number, overall: number) => void;

// Share of the whole generation each stage usually takes (rendering dominates).
const WEIGHTS: Record<Stage, number> = {
  script: 0.05,
  voice: 0.12,
  visuals: 0.05,
  captions: 0.02,
  render: 0.62,
  cover: 0.04,
  metadata: 0.02,
  preflight: 0.08,
};

/** Follows one generation: its overall progress, its stage log, and the stage cache keys its version uses. */
export class ProgressTracker {
  /** One entry per stage, in the order they ran (a retake adds to its stage's entry). */
  readonly log: Version['stageLog'] = [];
  // The cache key of each stage's output that this version uses; together they make its content hash.
  private readonly keys: Partial<Record<Stage, string>> = {};
  private done = 0;

  constructor(private readonly onProgress: ProgressListener) {}

  /** Runs a stage; a retake (the script rewritten to fit the duration) adds to the stage's log entry. */
  async track<T>(stage: Stage, run: () => Promise<StageRun<T>>, retake: boolean): Promise<T> {
    this.onProgress(stage, 0, retake ? this.done - WEIGHTS[stage] : this.done);
    const result = await run();
    const entry = retake ? this.log.find((e) => e.stage === stage) : undefined;
    if (entry) {
      entry.cached &&= result.cached;
      entry.ms += result.ms;
    } else {
      this.done += WEIGHTS[stage];
      this.log.push({ stage, cached: result.cached, ms: result.ms });
    }
    this.keys[stage] = result.key;
    this.onProgress(stage, 1, Math.min(1, this.done));
    return result.output;
  }

  /** Reports a running stage's own fraction (the render's, from ffmpeg). */
  advance(stage: Stage, fraction: number): void {
    this.onProgress(stage, fraction, this.done + fraction * WEIGHTS[stage]);
  }

  /** The keys of these stages as they are now (a take, before the next one replaces them). */
  keysOf(...stages: Stage[]): Partial<Record<Stage, string>> {
    return Object.fromEntries(stages.map((stage) => [stage, this.keys[stage]]));
  }

  /** Makes the version use these stages' keys (the take kept, not the last one made). */
  useKeys(keys: Partial<Record<Stage, string>>): void {
    Object.assign(this.keys, keys);
  }

  /** Every stage key the version uses, in the order the stages first ran. */
  versionKeys(): string[] {
    return Object.values(this.keys);
  }
}
