import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { PLATFORMS, type Platform } from '../src/domain/connection.js';
import { freePort } from '../test/fakes/free-port.js';
import { startRedis } from '../test/fakes/redis-server.js';
import { AppClient } from './publishing/app-client.js';
import { benchEnv, openBenchApp } from './publishing/bench-app.js';
import { ownerContext, seedConnections } from './publishing/seed-connections.js';
import { postsByTitle, relaxSandboxLimits } from './publishing/sandbox-posts.js';
import { startSandboxProcess, type SandboxProcess } from './publishing/sandbox-process.js';
import { makeClip } from './publishing/test-video.js';

/**
 * `npm run bench:publish`: many publications due over a short window, spread over many connected sandbox accounts,
 * published by the product's real job system, service and platform code against the sandbox in its own process.
 * Prints, per engine (in-process; BullMQ with 1 and 2 worker processes): lateness of each publication's start from
 * its due time (p50, p99), duplicates on the platforms (must be 0), publications per second.
 * The platforms' own limits (TikTok 6 inits a minute, daily caps, the YouTube quota) are raised in the sandbox and
 * the app alike, the video is a small plain 4 s clip, and each worker runs 64 publish jobs at once
 * (IO_JOB_CONCURRENCY): the run measures the scheduler and the pipeline, not transfers or the waiting limits impose.
 */
interface Run {
  label: string;
  redis: boolean;
  extraWorkers: number;
}
const RUNS: Run[] = [
  { label: 'in-process', redis: false, extraWorkers: 0 },
  { label: 'BullMQ, 1 worker', redis: true, extraWorkers: 0 },
  { label: 'BullMQ, 2 workers', redis: true, extraWorkers: 1 },
];

// The machinery's own knob: publishing is network-bound, so a worker runs many publish jobs at once.
const IO_JOB_CONCURRENCY = '64';
const RAISED_LIMITS = {
  TIKTOK_INITS_PER_MINUTE: '100',
  TIKTOK_DAILY_POSTS_PER_CREATOR: '1000',
  YOUTUBE_DAILY_QUOTA_UNITS: '10000000',
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/publishing/publish-worker.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AIF_BENCH_ENV: JSON.stringify(env) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a worker exited during boot (${code})`)));
    createInterface({ input: child.stdout }).once('line', () => resolve(child));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

async function runOnce(
  run: Run,
  sandbox: SandboxProcess,
  appOrigin: string,
  clip: string,
  sizes: { publications: number; accounts: number; windowMs: number; leadMs: number },
): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aif-bench-publish-'));
  const redis = run.redis ? await startRedis() : null;
  const env = benchEnv({
    dataDir,
    appOrigin,
    baseUrls: sandbox.baseUrls,
    redisUrl: redis?.url,
    extra: { ...RAISED_LIMITS, IO_JOB_CONCURRENCY },
  });
  const app = await openBenchApp(env, { listen: true });
  const workers: ChildProcess[] = [];
  try {
    await app.container.startJobs();
    for (let i = 0; i < run.extraWorkers; i++) workers.push(await startWorker(env));
    const client = new AppClient(appOrigin);
    const email = `bench-${Date.now()}@example.com`;
    const workspaceId = await client.signUp(email);
    const versionId = await client.uploadVideo(clip, 'Publishing benchmark');
    await client.approve(versionId);
    const connections = await seedConnections(app.container, workspaceId, sizes.accounts);
    const ctx = await ownerContext(app.container, email, workspaceId);
    const marker = `${run.label.replace(/\W+/g, '-')}-${Date.now()}`;
    const firstDue = Date.now() + sizes.leadMs;
    const createdLate: number[] = [];
    let next = 0;
    const createOne = async (i: number) => {
      const connection = connections[i % connections.length]!;
      const due = firstDue + Math.floor((i * sizes.windowMs) / sizes.publications);
      const title = `${marker} #${i}`;
      await app.container.publishing.create(
        ctx,
        {
          versionId,
          connectionId: connection.id,
          scheduledAt: new Date(due).toISOString(),
          options: optionsFor(connection.platform, title),
        },
        null,
      );
      if (Date.now() > due) createdLate.push(i);
    };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < sizes.publications) await createOne(next++);
      }),
    );
    const db = new Database(join(dataDir, 'ai-factory.sqlite'), { readonly: true });
    const deadline = Date.now() + sizes.leadMs + sizes.windowMs + 20 * 60_000;
    let unfinished = sizes.publications;
    while (Date.now() < deadline) {
      const row = db
        .prepare(
          `SELECT COUNT(*) AS n FROM publications WHERE status NOT IN ('published', 'failed', 'needs_action')`,
        )
        .get() as { n: number };
      unfinished = row.n;
      if (unfinished === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const rows = db.prepare('SELECT status, data FROM publications').all() as {
      status: string;
      data: string;
    }[];
    db.close();
    const records = rows.map(
      (r) =>
        JSON.parse(r.data) as {
          scheduledAt: string;
          startedAt: string | null;
          publishedAt: string | null;
          status: string;
        },
    );
    const lateness = records
      .filter((p) => p.startedAt)
      .map((p) => Date.parse(p.startedAt!) - Date.parse(p.scheduledAt))
      .sort((a, b) => a - b);
    const published = records.filter((p) => p.status === 'published');
    const lastPublished = Math.max(...published.map((p) => Date.parse(p.publishedAt ?? p.scheduledAt)));
    const perSecond = published.length / ((lastPublished - firstDue) / 1000);
    const posts = await postsByTitle(sandbox, marker);
    const duplicates = [...posts.values()].filter((n) => n > 1).length;
    const onPlatforms = posts.size;
    return (
      `${run.label.padEnd(18)} lateness p50 ${percentile(lateness, 50)} ms, p99 ${percentile(lateness, 99)} ms;` +
      ` published ${published.length}/${sizes.publications} (${onPlatforms} distinct posts on the platforms),` +
      ` duplicates ${duplicates}, unfinished ${unfinished}; ${perSecond.toFixed(1)} publications/s` +
      (createdLate.length ? ` [${createdLate.length} created after their due time]` : '')
    );
  } finally {
    for (const worker of workers) await stopWorker(worker);
    await app.close();
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function optionsFor(platform: Platform, title: string): Record<string, unknown> {
  if (platform === 'tiktok')
    return {
      mode: 'direct',
      privacyLevel: 'SELF_ONLY',
      disableComment: true,
      disableDuet: true,
      disableStitch: true,
      caption: title,
    };
  if (platform === 'instagram') return { caption: title };
  return { title, privacyStatus: 'private', madeForKids: false };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      publications: { type: 'string', default: '10000' },
      accounts: { type: 'string', default: '1000' },
      window: { type: 'string', default: '60' },
      lead: { type: 'string', default: '150' },
      only: { type: 'string' },
    },
  });
  const sizes = {
    publications: Number(values.publications),
    accounts: Number(values.accounts),
    windowMs: Number(values.window) * 1000,
    leadMs: Number(values.lead) * 1000,
  };
  const work = mkdtempSync(join(tmpdir(), 'aif-bench-clip-'));
  const clip = join(work, 'clip.mp4');
  makeClip(clip, 4, 'plain');
  const appOrigin = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await startSandboxProcess(await freePort(), appOrigin);
  const lines: string[] = [];
  try {
    await relaxSandboxLimits(sandbox);
    for (const run of RUNS.filter((r) => !values.only || r.label.startsWith(values.only))) {
      lines.push(await runOnce(run, sandbox, appOrigin, clip, sizes));
      console.log(lines.at(-1));
    }
  } finally {
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\n${sizes.publications} publications due over ${sizes.windowMs / 1000} s, ${sizes.accounts} accounts across ${PLATFORMS.join(', ')}` +
      ` (IO_JOB_CONCURRENCY ${IO_JOB_CONCURRENCY} per worker):`,
  );
  for (const line of lines) console.log(`  ${line}`);
}

void main();
