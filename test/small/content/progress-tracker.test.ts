import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src/domain/content-item.js';
import { ProgressTracker } from '../../../src/services/generation/progress-tracker.js';
import type { StageRun } from '../../../src/services/generation/stage-runner.js';

const ran =
  <T>(output: T, key: string, cached = false, ms = 10): (() => Promise<StageRun<T>>) =>
  async () => ({
    output,
    key,
    cached,
    ms,
  });

describe('the progress tracker of a generation', () => {
  it('reports each stage from 0 to 1 with the overall fraction growing by its weight', async () => {
    const events: [Stage, number, number][] = [];
    const tracker = new ProgressTracker((stage, fraction, overall) =>
      events.push([stage, fraction, overall]),
    );
    expect(await tracker.track('script', ran('a script', 'k1'), false)).toBe('a script');
    await tracker.track('voice', ran('a voice', 'k2'), false);
    expect(events.map(([stage, fraction]) => `${stage}:${fraction}`)).toEqual([
      'script:0',
      'script:1',
      'voice:0',
      'voice:1',
    ]);
    const overall = events.map(([, , o]) => o);
    expect(overall[0]).toBe(0);
    expect(overall[1]).toBeGreaterThan(0);
    expect(overall[2]).toBe(overall[1]);
    expect(overall[3]).toBeGreaterThan(overall[2]!);
  });

  it('adds a retake to its stage log entry instead of counting the stage twice', async () => {
    const overall: number[] = [];
    const tracker = new ProgressTracker((_stage, _fraction, o) => overall.push(o));
    await tracker.track('script', ran('first', 'k1', true, 5), false);
    const afterFirst = overall.at(-1)!;
    await tracker.track('script', ran('second', 'k2', false, 7), true);
    expect(tracker.log).toEqual([{ stage: 'script', cached: false, ms: 12 }]);
    expect(overall.at(-1)).toBe(afterFirst);
    expect(tracker.versionKeys()).toEqual(['k2']);
  });

  it('keeps the keys of the take chosen, in the order the stages first ran', async () => {
    const tracker = new ProgressTracker(() => undefined);
    await tracker.track('script', ran('s1', 'script-1'), false);
    await tracker.track('voice', ran('v1', 'voice-1'), false);
    const firstTake = tracker.keysOf('script', 'voice');
    await tracker.track('script', ran('s2', 'script-2'), true);
    await tracker.track('voice', ran('v2', 'voice-2'), true);
    tracker.useKeys(firstTake);
    await tracker.track('visuals', ran([], 'visuals-1'), false);
    expect(tracker.versionKeys()).toEqual(['script-1', 'voice-1', 'visuals-1']);
  });

  it('reports a running render between the stages around it, and never past 1 at the end', async () => {
    const overall: number[] = [];
    const tracker = new ProgressTracker((_stage, _fraction, o) => overall.push(o));
    const stages: Stage[] = ['script', 'voice', 'visuals', 'captions'];
    for (const stage of stages) await tracker.track(stage, ran(null, stage), false);
    const beforeRender = overall.at(-1)!;
    tracker.advance('render', 0.5);
    const halfway = overall.at(-1)!;
    await tracker.track('render', ran(null, 'render'), false);
    expect(halfway).toBeGreaterThan(beforeRender);
    expect(halfway).toBeLessThan(overall.at(-1)!);
    for (const stage of ['cover', 'metadata', 'preflight'] as const)
      await tracker.track(stage, ran(null, stage), false);
    expect(Math.max(...overall)).toBeLessThanOrEqual(1);
    expect(overall.at(-1)).toBeCloseTo(1, 5);
  });
});
