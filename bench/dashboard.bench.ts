import { parseArgs } from 'node:util';
import { dashboardReport, measureDashboard } from './analytics/dashboard-p99.js';

/**
 * `npm run bench:dashboard`: the Analytics dashboard API over a seeded SQLite store (by default 10,000 tracked
 * videos × 10 readings = 100,000 snapshots over 3 platforms and 6 accounts): p50/p99 of 1,000 requests, the
 * filtered variants, and a trivial authenticated route measured in the same run as the noise reference.
 */
const { values } = parseArgs({
  options: {
    videos: { type: 'string', default: '10000' },
    readings: { type: 'string', default: '10' },
    accounts: { type: 'string', default: '6' },
    requests: { type: 'string', default: '1000' },
  },
});
const measured = await measureDashboard(
  {
    videos: Number(values.videos),
    readingsPerVideo: Number(values.readings),
    accounts: Number(values.accounts),
  },
  Number(values.requests),
);
for (const line of dashboardReport(measured)) console.log(line);
