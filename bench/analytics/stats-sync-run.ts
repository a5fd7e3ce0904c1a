/**
 * A stats sync run against the sandbox, shared by `bench:stats-sync` (calls ÷ theoretical minimum, 429s, L5) and
 * `bench:learning-loop` (L5). The readers come from the container, so it measures the build's platform readers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { buildContainer, type Container } from '../../src/container/index.js';
import { PLATFORMS, type Connection, type Platform } from '../../src/domain/connection.js';
import { createLogger } from '../../src/observability/logger.js';
import { freePort } from '../../test/fakes/free-port.js';
import { benchEnv } from '../publishing/bench-app.js';
import { sandboxGrant } from '../publishing/sandbox-accounts.js';
import { relaxSandboxLimits } from '../publishing/sandbox-posts.js';
import { startSandboxProcess, type SandboxProcess } from '../publishing/sandbox-process.js';
import { snapshotCoverage, type SnapshotCoverage } from './snapshot-coverage.js';
import { benchConnection } from '../publishing/bench-connection.js';

const DAY_MS = 86_400_000;
const REFRESH_EVERY_MS = 3_600_000;
// Calls to these paths are token grants and refreshes, not stats calls.
const AUTH_PATH = /oauth|token/i;

/** The app's clock, moved by the bench together with the sandbox's. */
class BenchClock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/**
 * `perPlatform` accounts on each platform, each in its own workspace (the sandbox has one persona per platform,
 * and a workspace holds an account once), each with its own tokens.
 */
async function connectAccounts(container: Container, perPlatform: number): Promise<Connection[]> {
  const connections: Connection[] = [];
  for (const platform of PLATFORMS)
    for (let i = 0; i < perPlatform; i++) {
      const { workspace } = await container.auth.signUp({
        email: `stats-bench-${platform}-${i}@example.test`,
        password: 'a long enough passphrase',
      });
      const workspaceId = workspace.id;
      const grant = await sandboxGrant(
        platform,
        container.platforms.baseUrls,
        container.config.PUBLIC_BASE_URL,
      );
      const now = new Date(container.clock.now()).toISOString();
      const connection = benchConnection({
        workspaceId,
        platform,
        externalAccountId: grant.externalAccountId,
        displayName: `Bench ${platform} ${i}`,
        scopes: grant.scopes,
        now,
      });
      await container.store.connections.create(connection);
      const sealed = await container.vault.seal(
        { recordId: connection.id, workspaceId },
        { accessToken: grant.accessToken, refreshToken: grant.refreshToken },
      );
      await container.store.connections.saveTokens(workspaceId, connection.id, sealed, now);
      connections.push(connection);
    }
  return connections;
}

/** Σ over connections of ceil(due now / max ids a call): the fewest calls that read every due video. */
async function theoreticalMinimum(container: Container, now: number): Promise<number> {
  const due = await container.store.trackedVideos.listDue(new Date(now).toISOString(), 1_000_000);
  const perConnection = new Map<string, { platform: Platform; count: number }>();
  for (const v of due) {
    const entry = perConnection.get(v.connectionId) ?? { platform: v.platform, count: 0 };
    entry.count++;
    perConnection.set(v.connectionId, entry);
  }
  let calls = 0;
  for (const { platform, count } of perConnection.values())
    calls += Math.ceil(count / (container.stats.readerFor(platform)?.maxIdsPerCall ?? Infinity));
  return calls;
}

async function statsRequests(sandbox: SandboxProcess): Promise<{ calls: number; throttled: number }> {
  const { requests } = (await sandbox.admin('GET', '/requests')) as {
    requests: { path: string; status: number }[];
  };
  const stats = requests.filter((r) => !AUTH_PATH.test(r.path));
  await sandbox.admin('DELETE', '/requests');
  return { calls: stats.length, throttled: requests.filter((r) => r.status === 429).length };
}

export interface StatsSyncRunOptions {
  /** Accounts per platform, each in its own workspace. */
  accounts: number;
  /** Earlier posts per account, imported on connect. */
  posts: number;
  days: number;
}

export interface StatsSyncRun {
  accounts: number;
  sweeps: number;
  callsMade: number;
  theoreticalMinimum: number;
  throttled: number;
  coverage: Omit<SnapshotCoverage, 'share'>;
  missingReaders: Platform[];
}

/**
 * Connects the accounts to a sandbox in its own process, imports their earlier posts, then follows them through
 * the snapshot schedule for `days` of sandbox time, running the app's sweep at each interval where something is due.
 */
export async function runStatsSync(options: StatsSyncRunOptions): Promise<StatsSyncRun> {
  const appOrigin = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await startSandboxProcess(await freePort(), appOrigin);
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-bench-stats-'));
  const clock = new BenchClock(((await sandbox.admin('GET', '/clock')) as { now: number }).now);
  const env = benchEnv({
    dataDir,
    appOrigin,
    baseUrls: sandbox.baseUrls,
    extra: { STATS_IMPORT_MAX_POSTS: String(options.posts), STATS_IMPORT_MAX_WEEKS: '2' },
  });
  const container = await buildContainer(
    loadConfig(env, '/nonexistent/.env'),
    createLogger({ level: 'error', pretty: false }),
    { clock },
  );
  try {
    await relaxSandboxLimits(sandbox);
    await sandbox.admin('PATCH', '/world', { historyVideos: options.posts, historyWeeks: 1 });
    const missingReaders = PLATFORMS.filter((p) => !container.stats.readerFor(p));
    const connections = await connectAccounts(container, options.accounts);
    for (const c of connections) await container.stats.importEarlierPosts(c.workspaceId, c.id);
    await statsRequests(sandbox);

    const end = clock.now() + options.days * DAY_MS;
    const every = container.config.STATS_SYNC_INTERVAL_SECONDS * 1000;
    let callsMade = 0;
    let theoretical = 0;
    let throttled = 0;
    let sweeps = 0;
    let lastRefresh = clock.now();
    for (;;) {
      const [next] = await container.store.trackedVideos.listDue(new Date(end).toISOString(), 1);
      if (!next?.nextSnapshotAt) break;
      const at = Math.ceil(Date.parse(next.nextSnapshotAt) / every) * every;
      if (at > clock.now()) {
        await sandbox.admin('POST', '/clock/advance', { seconds: (at - clock.now()) / 1000 });
        clock.advance(at - clock.now());
      }
      // The refresh jobs' part, so tokens stay alive over 90 simulated days.
      if (clock.now() - lastRefresh >= REFRESH_EVERY_MS) {
        for (const c of connections) await container.tokenRefresh.refresh(c.workspaceId, c.id);
        lastRefresh = clock.now();
        await statsRequests(sandbox);
      }
      theoretical += await theoreticalMinimum(container, clock.now());
      await container.stats.sweep();
      const seen = await statsRequests(sandbox);
      callsMade += seen.calls;
      throttled += seen.throttled;
      sweeps++;
    }
    const coverage = { videos: 0, complete: 0, noData: 0, noDataStoredAsZero: 0 };
    for (const c of connections) {
      const one = await snapshotCoverage(container.store, c.workspaceId, clock.now());
      coverage.videos += one.videos;
      coverage.complete += one.complete;
      coverage.noData += one.noData;
      coverage.noDataStoredAsZero += one.noDataStoredAsZero;
    }
    return {
      accounts: connections.length,
      sweeps,
      callsMade,
      theoreticalMinimum: theoretical,
      throttled,
      coverage,
      missingReaders,
    };
  } finally {
    await container.close();
    await sandbox.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The L5 line both benchmarks print. */
export function coverageLine(c: StatsSyncRun['coverage']): string {
  const pct = ((100 * c.complete) / Math.max(1, c.videos)).toFixed(1);
  return (
    `L5: videos with all their due snapshots ${c.complete}/${c.videos} (${pct} %);` +
    ` no-data readings ${c.noData}, of them stored as a number: ${c.noDataStoredAsZero}`
  );
}
