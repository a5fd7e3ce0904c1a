import { z } from 'zod';
import { isStage, stages, type StageName } from './stages.js';

export const progressEvent = z.object({
  stage: z.string(),
  fraction: z.number(),
  overall: z.number(),
  status: z.enum(['running', 'ready', 'failed']),
  message: z.string().optional(),
});
export type ProgressEvent = z.infer<typeof progressEvent>;

export interface ItemProgress {
  status: 'connecting' | ProgressEvent['status'];
  /** 0..1 for the whole generation. */
  overall: number;
  /** Index of the stage the latest event named; -1 until one does. */
  current: number;
  /** 0..1 within the current stage. */
  fraction: number;
  message: string | null;
}

export type StageStatus = 'pending' | 'running' | 'done' | 'failed';

export interface StageProgress {
  stage: StageName;
  status: StageStatus;
  fraction: number;
}

export const initialProgress: ItemProgress = {
  status: 'connecting',
  overall: 0,
  current: -1,
  fraction: 0,
  message: null,
};

const clamp = (value: number) => Math.min(1, Math.max(0, value));

/** Folds one event in. The first event of a stream may name the item's status ("queued") instead of a stage. */
export function applyProgressEvent(progress: ItemProgress, event: ProgressEvent): ItemProgress {
  const index = isStage(event.stage) ? stages.indexOf(event.stage) : -1;
  return {
    status: event.status,
    overall: clamp(event.overall),
    current: index >= 0 ? index : progress.current,
    fraction: index >= 0 ? clamp(event.fraction) : progress.fraction,
    message: event.message ?? null,
  };
}

/** Every stage's state: the stages before the current one are done, the ones after it still pending. */
export function stageProgress(progress: ItemProgress): StageProgress[] {
  return stages.map((stage, index): StageProgress => {
    if (progress.status === 'ready' || index < progress.current)
      return { stage, status: 'done', fraction: 1 };
    if (index > progress.current) return { stage, status: 'pending', fraction: 0 };
    if (progress.status === 'failed') return { stage, status: 'failed', fraction: progress.fraction };
    if (progress.fraction >= 1) return { stage, status: 'done', fraction: 1 };
    return { stage, status: 'running', fraction: progress.fraction };
  });
}
