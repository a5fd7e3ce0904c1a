import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import samples from '../../fixtures/offline-writer/sample-briefs.json' with { type: 'json' };
import { OfflineTemplateWriter } from '../../../src/adapters/ai/script/offline-template.writer.js';
import type { Script } from '../../../src/domain/content.js';
import { targetWordCount } from '../../../src/domain/script-rules.js';
import { makeBrief } from '../visuals/brief.js';

const writer = new OfflineTemplateWriter();

/** One script as a reader reviews it: hook, numbered beats with their pictures, call to action. */
function reviewed(sample: (typeof samples)[number], script: Script): string {
  return [
    `**${sample.topic}** (${sample.form}, ${sample.keyPoints.length} key points)`,
    '',
    `- Hook: ${script.hook}`,
    ...script.beats.map((beat, index) => `- Beat ${index + 1}: ${beat.text} _(picture: ${beat.visualCue})_`),
    `- Call to action: ${script.callToAction}`,
  ].join('\n');
}

describe('the offline writer’s golden sample', () => {
  it('writes the six reviewed 30-second scripts word for word', async () => {
    const scripts = await Promise.all(
      samples.map(async (sample) => {
        const brief = makeBrief({
          topic: sample.topic,
          keyPoints: sample.keyPoints,
          durationSeconds: 30,
          audience: '',
          language: 'en',
        });
        return reviewed(sample, await writer.write(brief, { targetWords: targetWordCount(30) }));
      }),
    );
    // The README's "What the offline writer writes" shows this file; a change to it is a change to review.
    await expect(`${scripts.join('\n\n')}\n`).toMatchFileSnapshot(
      '../../fixtures/offline-writer/golden-samples.md',
    );
  });

  it('is what the README shows', () => {
    const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
    const golden = read('../../fixtures/offline-writer/golden-samples.md').trim();
    const readme = read('../../../README.md');
    expect(readme).toContain(`### What the offline writer writes`);
    expect(readme).toContain(golden);
  });
});
