import type { Version } from '../domain/content-item.js';

type StageLog = Version['stageLog'];

/** One line on what a generation did, e.g. "re-ran captions, render; reused script, voice". */
export function describeStageLog(log: StageLog): string {
  const ran = log.filter((s) => !s.cached).map((s) => s.stage);
  const reused = log.filter((s) => s.cached).map((s) => s.stage);
  if (reused.length === 0) return `ran ${ran.join(', ')}`;
  if (ran.length === 0) return `reused ${reused.join(', ')} (nothing changed)`;
  return `re-ran ${ran.join(', ')}; reused ${reused.join(', ')}`;
}

/** Two passes over the same brief as one log: a stage ran if it ran in either pass. */
export function mergeStageLogs(first: StageLog, second: StageLog): StageLog {
  return second.map((entry) => {
    const earlier = first.find((e) => e.stage === entry.stage);
    return earlier
      ? { stage: entry.stage, cached: earlier.cached && entry.cached, ms: earlier.ms + entry.ms }
      : entry;
  });
}
