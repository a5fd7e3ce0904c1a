import type { PhaseResult } from './phases.js';
import type { Tally } from './tally.js';

/** Prints the run's table; returns whether every target was met. */
export function printReport(input: {
  counts: Tally;
  phases: PhaseResult[];
  generationSeconds: number;
  targetRatio: number;
  settings: { io: string; latency: string; store: string };
}): boolean {
  const { counts: c, phases, targetRatio } = input;
  const rate = (prefix: string, of: (p: PhaseResult) => number) => {
    const runs = phases.filter((p) => p.label.startsWith(prefix));
    return runs.length === 0 ? NaN : runs.reduce((sum, p) => sum + of(p), 0) / runs.length;
  };
  // Phases A* ran on one worker, B* on two (see scale.bench.ts for their order). The target is on the workers'
  // own work (uploads handed over); end to end also holds the platform's fixed waits, which no worker shortens.
  const ratio = rate('B', (p) => p.uploadsPerSecond) / rate('A', (p) => p.uploadsPerSecond);
  const endToEnd = rate('B', (p) => p.perSecond) / rate('A', (p) => p.perSecond);
  const rows: [string, string, string, boolean][] = [
    // A clear failure with a reason is allowed (it is not lost); the notes name each one.
    ['generations ready', `${c.itemsReady}/${c.items}`, '-', true],
    ['generations run to the end twice', String(c.generationsTwice), '0', c.generationsTwice === 0],
    ['items lost (not ready, not failed with a reason)', String(c.itemsLost), '0', c.itemsLost === 0],
    ['publications published', `${c.published}/${c.publications}`, '-', true],
    ['publications failed with a reason', String(c.failedWithReason), '-', true],
    ['publications lost (not finished)', String(c.publicationsLost), '0', c.publicationsLost === 0],
    ['publications with 2+ platform posts', String(c.duplicatePosts), '0', c.duplicatePosts === 0],
    ['TikTok inits left without a byte (never posts)', String(c.emptyTiktokInits), '-', true],
    ['published without a platform post', String(c.publishedWithoutPost), '0', c.publishedWithoutPost === 0],
    ...phases.map((p): [string, string, string, boolean] => [
      `phase ${p.label}: ${p.publications} publications`,
      `uploads ${p.uploadsPerSecond.toFixed(2)}/s in ${p.uploadSeconds.toFixed(1)} s; ` +
        `published ${p.perSecond.toFixed(2)}/s in ${p.seconds.toFixed(1)} s` +
        (p.unfinished ? `, ${p.unfinished} unfinished` : ''),
      '-',
      p.unfinished === 0,
    ]),
    [
      'uploads handed over, 2 workers vs 1 (mean B / mean A)',
      `${ratio.toFixed(2)}x`,
      `>= ${targetRatio}x`,
      ratio >= targetRatio,
    ],
    ['published end to end, 2 workers vs 1', `${endToEnd.toFixed(2)}x`, '-', true],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(...rows.map((r) => r[1].length));
  console.log(
    `\nbench:scale — store ${input.settings.store}, BullMQ on Redis, 1 api + 2 workers + 1 scheduler processes;` +
      ` IO_JOB_CONCURRENCY ${input.settings.io} and RENDER_CONCURRENCY 1 per worker,` +
      ` ${input.settings.latency} ms per platform call; generations took ${input.generationSeconds.toFixed(0)} s\n`,
  );
  console.log(`${'measure'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  target    ok`);
  for (const [name, value, target, met] of rows)
    console.log(
      `${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target.padEnd(8)}  ${met ? 'yes' : 'NO'}`,
    );
  if (c.notes.length > 0) {
    console.log('\nnotes:');
    for (const note of c.notes.slice(0, 20)) console.log(`  ${note}`);
  }
  return rows.every((r) => r[3]);
}
