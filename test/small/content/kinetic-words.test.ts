import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/store/sqlite/sqlite-store.js';
import { briefInput } from '../../../src/api/content.js';
import { kineticWords } from '../../../src/domain/visual-cues.js';
import type { StylePresetId } from '../../../src/domain/content.js';
import { GenerationService } from '../../../src/services/generation/generation.service.js';
import { fakeFactoryKit } from '../../fakes/factory-kit.fake.js';
import { FakeClock } from '../../fakes/fake-clock.js';

/** Over generated backgrounds, the kinetic styles float each beat's key words; the hook stays its caption. */
describe('kinetic key words over generated backgrounds', () => {
  let dir: string;
  let store: SqliteStore;
  let fake: ReturnType<typeof fakeFactoryKit>;
  let ass: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aif-kinetic-'));
    store = SqliteStore.open(join(dir, 'db.sqlite'));
    fake = fakeFactoryKit();
    ass = [];
    const write = fake.kit.writeTextFile.bind(fake.kit);
    fake.kit.writeTextFile = async (path, text) => {
      if (path.endsWith('.ass')) ass.push(text);
      return write(path, text);
    };
  });
  afterEach(async () => {
    fake.cleanup();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const overlays = async (stylePreset: StylePresetId) => {
    const brief = briefInput.parse({
      topic: 'Cold brew coffee at home',
      keyPoints: ['Use coarse ground beans', 'Steep them for twelve hours', 'Filter twice'],
      stylePreset,
    });
    const version = await new GenerationService({ store, clock: new FakeClock(), kit: fake.kit }).generate(
      'w1',
      `item-${stylePreset}`,
      brief,
      {},
    );
    const lines = (ass.at(-1) ?? '')
      .split('\n')
      .filter((line) => line.startsWith('Dialogue:') && line.includes(',Overlay,'));
    return { lines, beats: version.outputs.script?.beats ?? [] };
  };

  it('shows the beats’ key words in a kinetic style, never the hook as a title card', async () => {
    const { lines, beats } = await overlays('tech-grid');
    expect(lines).toHaveLength(beats.length);
    const shown = lines.map((line) => line.split('}').at(-1)?.replace('\\N', ' '));
    expect(shown).toEqual(beats.map((beat) => kineticWords(beat.text, 'en')));
    expect(lines.every((line) => !line.startsWith('Dialogue: 1,0:00:00.00'))).toBe(true);
  });

  it('shows none in a calm style', async () => {
    expect((await overlays('calm-gradient')).lines).toEqual([]);
  });
});
