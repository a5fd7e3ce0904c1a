import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefInput } from '../../../src/api/content.js';
import type { Brief } from '../../../src/domain/content.js';
import type { VersionEdits } from '../../../src/domain/content-item.js';
import type { GenerationService } from '../../../src/services/generation/generation.service.js';
import { generationOnSqlite } from '../../fakes/generation-on-sqlite.js';
import { SHORT_SCRIPT } from '../../fakes/short-script.js';

// Stage cache keys are content addresses kept in every install's cache: a refactoring of the pipeline must
// give the very same keys (and so the same version content hash), or every cached stage is made again.
describe('stage cache keys', () => {
  let h: ReturnType<typeof generationOnSqlite>;
  let generation: GenerationService;
  beforeEach(() => {
    h = generationOnSqlite();
    ({ generation } = h);
  });
  afterEach(() => h.cleanup());

  const brief = (over: Partial<Brief> = {}): Brief => ({
    ...briefInput.parse({ topic: 'Cold brew coffee' }),
    ...over,
  });

  it.each<[string, Brief, VersionEdits, string]>([
    [
      'a written, voiced and re-taken script',
      brief(),
      {},
      '39da235782ae263cdf946190d754d315099480d448c38f01b34274ee65b1260d',
    ],
    [
      'no voice, built-in music and another look',
      brief({ voice: 'none', music: 'builtin:calm', stylePreset: 'bold-pop' }),
      {},
      // Changed on purpose once: bold-pop's generated backgrounds now carry the beats' kinetic key words.
      'e01bd278265955b69571df5470b982251236b3d1f2289a12c96f2b6385a295c0',
    ],
    [
      'edited script, captions and metadata',
      brief({ platforms: ['tiktok', 'youtube'] }),
      {
        script: SHORT_SCRIPT,
        captionText: { 0: 'Cold brew, simply' },
        metadata: { tiktok: { caption: 'Cold brew #coffee', aiGenerated: true } },
      },
      'a4a2deedebdb2a813ab509cf0e98199d1ee3b8e8e02858fb6966d7514899b328',
    ],
  ])('stay the same for %s', async (_case, input, edits, contentHash) => {
    const version = await generation.generate('w1', 'i1', input, edits);
    expect(version.contentHash).toBe(contentHash);
  });

  it('stay the same for a brief whose hook style is unset, and change when a style is asked', async () => {
    const plain = await generation.generate('w1', 'i1', brief(), {});
    const unset = await generation.generate('w1', 'i1', { ...brief(), hookStyle: undefined }, {});
    expect(unset.contentHash).toBe(plain.contentHash);
    const styled = await generation.generate('w1', 'i1', brief({ hookStyle: 'story' }), {});
    expect(styled.contentHash).not.toBe(plain.contentHash);
  });
});
