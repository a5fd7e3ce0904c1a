/**
 * `npm run bench:stats-sync`: 1,000 videos per platform (10 accounts × 100 earlier posts each, imported on
 * connect) followed through the snapshot schedule for 90 days of sandbox time. Prints API calls made ÷ the
 * theoretical minimum (Σ over sweeps and accounts of ceil(due / max ids a call)), the 429s the sandbox answered,
 * L5 (snapshot coverage, no-data stored as a number), then the dashboard's p99 over 100,000 snapshots.
 */
import { parseArgs } from 'node:util';
import { dashboardReport, measureDashboard } from './analytics/dashboard-p99.js';
import { coverageLine, runStatsSync } from './analytics/stats-sync-run.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10' },
    posts: { type: 'string', default: '100' },
    days: { type: 'string', default: '90' },
    'dashboard-requests': { type: 'string', default: '1000' },
  },
});
const run = await runStatsSync({
  accounts: Number(values.accounts),
  posts: Number(values.posts),
  days: Number(values.days),
});
if (run.missingReaders.length)
  console.log(
    `No stats reader in this build for: ${run.missingReaders.join(', ')} (their videos are not read)`,
  );
console.log(
  `\n${run.accounts} accounts, ${run.coverage.videos} videos, ${run.sweeps} sweeps over ${values.days} days:`,
);
const ratio = run.callsMade / Math.max(1, run.theoreticalMinimum);
console.log(
  `  API calls made ÷ theoretical minimum: ${run.callsMade} / ${run.theoreticalMinimum} = ${ratio.toFixed(2)}`,
);
console.log(`  429 answers: ${run.throttled}`);
console.log(`  ${coverageLine(run.coverage)}`);
console.log('\nDashboard over 100,000 snapshots (10,000 videos × 10 readings):');
const dashboard = await measureDashboard(
  { videos: 10_000, readingsPerVideo: 10, accounts: 6 },
  Number(values['dashboard-requests']),
);
for (const line of dashboardReport(dashboard)) console.log(`  ${line}`);
