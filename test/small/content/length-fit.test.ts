import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import type { Script } from '../../../src/domain/content.js';
import { GenerationService } from '../../../src/services/generation/generation.service.js';
import { fakeFactoryKit } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';
import { generationOnSqlite } from '../../fakes/generation-on-sqlite.js';

// The fake writer writes about the words it is asked for; the fake voice speaks 300 ms a word, so the first
// ask for a 30 s brief (72 words at the narration pace) comes out near 22 s.
describe('fitting the video to the brief duration', () => {
  let h: ReturnType<typeof generationOnSqlite>;
  let store: SqliteStore;
  let fake: ReturnType<typeof fakeFactoryKit>;
  let generation: GenerationService;
  beforeEach(() => {
    h = generationOnSqlite();
    ({ fake, store, generation } = h);
  });
  afterEach(() => h.cleanup());

  const brief = (durationSeconds: number) => briefInput.parse({ topic: 'Cold brew coffee', durationSeconds });

  it('re-writes a script once when its voice-over misses the duration, and keeps the closer take', async () => {
    const progress: number[] = [];
    const version = await generation.generate('w1', 'i1', brief(30), {}, (_stage, _fraction, overall) =>
      progress.push(overall),
    );
    expect(fake.calls.script).toBe(2);
    expect(fake.calls.voice).toBe(2);
    expect(version.outputs.voice.durationMs).toBeGreaterThanOrEqual(27_000);
    expect(version.outputs.voice.durationMs).toBeLessThanOrEqual(33_000);
    expect(version.parameters.lengthRefitted).toBe(true);
    // One log line per stage (the retake adds to it), and progress never runs backwards past the end.
    expect(version.stageLog.filter((entry) => entry.stage === 'script')).toHaveLength(1);
    expect(Math.max(...progress)).toBeLessThanOrEqual(1);
    expect(progress.at(-1)).toBeCloseTo(1, 5);
  });

  it('makes the same version again from the cache, with the same content hash', async () => {
    const first = await generation.generate('w1', 'i1', brief(30), {});
    const writes = fake.calls.script;
    const again = await generation.generate('w1', 'i2', brief(30), {});
    expect(fake.calls.script).toBe(writes);
    expect(again.contentHash).toBe(first.contentHash);
    expect(again.stageLog.every((entry) => entry.cached)).toBe(true);
  });

  it('writes once when the first take already fits', async () => {
    // A voice at the narration pace (2.4 words a second) says the 24 words asked for 10 s in about 10 s.
    const atPace = fakeFactoryKit({ msPerWord: 417 });
    const version = await new GenerationService({ store, clock: new FakeClock(), kit: atPace.kit }).generate(
      'w1',
      'i1',
      brief(10),
      {},
    );
    atPace.cleanup();
    expect(version.outputs.voice.durationMs).toBeGreaterThanOrEqual(9_000);
    expect(version.outputs.voice.durationMs).toBeLessThanOrEqual(11_000);
    expect(atPace.calls.script).toBe(1);
    expect(version.parameters.lengthRefitted).toBe(false);
  });

  it('asks a voice that tells its pace for the right word count at once', async () => {
    const paced = fakeFactoryKit({ announcesPace: true });
    const version = await new GenerationService({ store, clock: new FakeClock(), kit: paced.kit }).generate(
      'w1',
      'i1',
      brief(30),
      {},
    );
    paced.cleanup();
    expect(paced.calls.script).toBe(1);
    expect(version.outputs.voice.durationMs).toBeGreaterThanOrEqual(27_000);
    expect(version.outputs.voice.durationMs).toBeLessThanOrEqual(33_000);
  });

  it("never re-writes the person's own script, whatever its length", async () => {
    const script: Script = {
      language: 'en',
      hook: 'Short.',
      beats: [1, 2, 3].map((n) => ({ text: `Beat ${n}.`, visualCue: 'cup' })),
      callToAction: 'Bye.',
      writer: 'edited',
    };
    const version = await generation.generate('w1', 'i1', brief(30), { script });
    expect(fake.calls.script).toBe(0);
    expect(fake.calls.voice).toBe(1);
    expect(version.outputs.script).toEqual(script);
    expect(version.parameters.lengthRefitted).toBe(false);
  });

  it('does not re-write the script when only the look or the music changes', async () => {
    await generation.generate('w1', 'i1', brief(30), {});
    const writes = fake.calls.script;
    await generation.generate(
      'w1',
      'i2',
      { ...brief(30), stylePreset: 'bold-pop', palette: ['#000000'] },
      {},
    );
    expect(fake.calls.script).toBe(writes);
  });
});
