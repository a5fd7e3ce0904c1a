import type { Stage } from '../../domain/content-item.js';
import { isoNow, type Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { stageKey } from './canonical-hash.js';

/** A stage failed: which one, and the error that stopped it (shown on the item with a retry). */
export class StageFailure extends Error {
  constructor(
    readonly stage: Stage,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'StageFailure';
  }
}

export interface StageRun<T> {
  output: T;
  key: string;
  cached: boolean;
  ms: number;
}

/**
 * Runs a stage through the content-addressed cache: the same stage, engine and inputs give the stored output
 * (when `stillValid` agrees, e.g. its files still exist) instead of running again.
 */
export async function runStage<T>(
  deps: { store: Store; clock: Clock },
  workspaceId: string,
  stage: Stage,
  engine: string,
  input: unknown,
  compute: (key: string) => Promise<T>,
  stillValid: (output: T) => Promise<boolean> = async () => true,
): Promise<StageRun<T>> {
  const key = stageKey(stage, engine, input);
  const started = Date.now();
  try {
    const cached = (await deps.store.stageCache.get(workspaceId, key)) as T | null;
    if (cached !== null && (await stillValid(cached)))
      return { output: cached, key, cached: true, ms: Date.now() - started };
    const output = await compute(key);
    await deps.store.stageCache.put(workspaceId, key, stage, output, isoNow(deps.clock));
    return { output, key, cached: false, ms: Date.now() - started };
  } catch (error) {
    throw error instanceof StageFailure ? error : new StageFailure(stage, error);
  }
}
