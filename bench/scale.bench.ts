import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { firestoreEmulatorAvailable, startFirestoreEmulator } from '../test/fakes/firestore-emulator.js';
import { freePort } from '../test/fakes/free-port.js';
import { redisAvailable, startRedis } from '../test/fakes/redis-server.js';
import { benchEnv } from './publishing/bench-app.js';
import { relaxSandboxLimits } from './publishing/sandbox-posts.js';
import { startSandboxProcess } from './publishing/sandbox-process.js';
import { runGenerations, runPublishingPhase, type ApprovedVideo, type PhaseResult } from './scale/phases.js';
import { startProduct, type ProductProcess } from './scale/product-process.js';
import { printReport } from './scale/report.js';
import { tally } from './scale/tally.js';
import { openWorkspace, type BenchWorkspace } from './scale/workload.js';

/**
 * `npm run bench:scale`: the product as separate OS processes, as on many machines — 1 API (ROLES=api), 2 workers
 * (ROLES=worker), 1 scheduler (ROLES=scheduler) — sharing Redis (BullMQ), the Firestore emulator and one media
 * folder (a shared volume), against the platform sandbox in its own process. Through the public HTTP API, people
 * (--workspaces, 1 by default) connect TikTok, Instagram and YouTube by OAuth, ask for generated videos (offline engines, 10 s, the
 * shortest brief) and publish them. A worker is SIGKILLed mid-job during the generations and again during the
 * last publishing phase. Prints duplicates and lost work (both must be 0) and the publishing throughput of two
 * workers against one measured in this run (target ≥ 1.7×); exits 1 when a target is missed.
 *
 * Why the throughput is measured on publishing: each worker runs IO_JOB_CONCURRENCY publish jobs at once (2 by
 * default here) and the sandbox answers every platform call after --latency ms (as a host across the internet
 * would), so one worker's job slots are the limit, not this machine's cores, which the CPU-bound render would be.
 */
const TARGET_RATIO = 1.7;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      generations: { type: 'string', default: '100' },
      publications: { type: 'string', default: '500' },
      workspaces: { type: 'string', default: '1' },
      latency: { type: 'string', default: '200' },
      io: { type: 'string', default: '2' },
      lead: { type: 'string', default: '40' },
      store: { type: 'string', default: 'firestore' },
      keep: { type: 'boolean', default: false },
    },
  });
  const firestore = values.store === 'firestore';
  if (!redisAvailable('bench:scale')) return 2;
  if (firestore && !firestoreEmulatorAvailable('bench:scale')) return 2;
  const generations = Number(values.generations);
  const publications = Number(values.publications);
  const workspaceCount = Number(values.workspaces);
  const phaseSizes = [0.2, 0.2, 0.2, 0.2, 0.2].map((share) => Math.round(publications * share));

  const work = mkdtempSync(join(tmpdir(), 'aif-bench-scale-'));
  const logDir = join(work, 'logs');
  mkdirSync(logDir);
  const stopAll: (() => Promise<unknown>)[] = [];
  const processes: ProductProcess[] = [];
  let ok = false;
  // Ctrl-C (or a timeout's SIGTERM) still stops every process this run started, the emulator's JVM included.
  const interrupted = () => {
    for (const p of processes) p.child.kill('SIGKILL');
    void Promise.all(stopAll.map((stop) => stop().catch(() => undefined))).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const redis = await startRedis();
    stopAll.push(() => redis.stop());
    const emulator = firestore ? await startFirestoreEmulator() : null;
    if (emulator) stopAll.push(() => emulator.stop());
    const apiPort = await freePort();
    const appOrigin = `http://127.0.0.1:${apiPort}`;
    const sandbox = await startSandboxProcess(await freePort(), appOrigin);
    stopAll.push(() => sandbox.stop());
    await relaxSandboxLimits(sandbox);

    // What every machine shares: the store, Redis, the keys and the media folder (a volume mounted on each).
    const shared = benchEnv({
      dataDir: join(work, 'data'),
      appOrigin,
      baseUrls: sandbox.baseUrls,
      redisUrl: redis.url,
      extra: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        ...(emulator
          ? {
              STORE: 'firestore',
              FIRESTORE_PROJECT_ID: 'aif-bench-scale',
              FIRESTORE_EMULATOR_HOST: emulator.host,
            }
          : {}),
        TOKEN_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
        MEDIA_LINK_KEY: randomBytes(32).toString('base64'),
        MEDIA_STORE: 'local',
        MEDIA_SHARED_VOLUME: 'true',
        IO_JOB_CONCURRENCY: values.io,
        RENDER_CONCURRENCY: '1',
        SHUTDOWN_GRACE_SECONDS: '10',
        SIGNIN_RATE_LIMIT_PER_MINUTE: '1000',
        // One person asks for every video at once: their queue must hold them all.
        WORKSPACE_QUEUE_MAX: String(Math.max(20, Math.ceil(generations / workspaceCount))),
        TIKTOK_INITS_PER_MINUTE: '100',
        TIKTOK_DAILY_POSTS_PER_CREATOR: '1000',
        YOUTUBE_DAILY_QUOTA_UNITS: '10000000',
      },
    });
    const start = async (name: string, roles: string, port?: number) => {
      const env = { ...shared, ROLES: roles, PORT: String(port ?? (await freePort())) };
      const p = await startProduct(name, env, logDir);
      processes.push(p);
      return p;
    };
    await start('api', 'api', apiPort);
    await start('scheduler', 'scheduler');
    const worker1 = await start('worker-1', 'worker');
    let worker2 = await start('worker-2', 'worker');
    console.log(`up: api, scheduler, 2 workers (logs in ${logDir})`);

    const marker = `scale-${Date.now().toString(36)}`;
    const workspaces: BenchWorkspace[] = [];
    for (let i = 0; i < workspaceCount; i++)
      workspaces.push(await openWorkspace(appOrigin, `${marker}-${i}@example.com`));

    const gen = await runGenerations(
      workspaces,
      Math.ceil(generations / workspaceCount),
      marker,
      {
        atShare: 0.3,
        act: async (inFlight) => {
          console.log(
            `generations: SIGKILL worker-2 with ${inFlight} items generating; a replacement starts (as an orchestrator would)`,
          );
          await worker2.kill();
          worker2 = await start('worker-2b', 'worker');
        },
      },
      30 * 60_000,
    );
    console.log(`generations finished in ${gen.seconds.toFixed(0)} s`);
    const videos: ApprovedVideo[] = [];
    for (const [workspace, rows] of gen.rows)
      for (const row of rows)
        if (row.status === 'ready' && row.currentVersionId) {
          await workspace.client.approve(row.currentVersionId);
          videos.push({ workspace, itemId: row.id, versionId: row.currentVersionId });
        }
    if (videos.length === 0) throw new Error('no generated video became ready; see the worker logs');

    // From here each platform call waits, as across the internet; enough uses for every call of the run.
    for (const platform of ['tiktok', 'instagram', 'youtube'])
      for (let i = 0; i < 30; i++)
        await sandbox.admin('POST', '/faults', {
          platform,
          endpoint: '*',
          fault: { type: 'latency', ms: Number(values.latency) },
          count: 1000,
        });

    const leadMs = Number(values.lead) * 1000;
    const phases: PhaseResult[] = [];
    const phase = { videos, marker, leadMs, withinMs: 20 * 60_000 };
    const measure = async (label: string, count: number) => {
      console.log(`phase ${label}`);
      phases.push((await runPublishingPhase({ ...phase, label, count })).result);
      console.log(`  ${phases.at(-1)!.perSecond.toFixed(2)} publications/s`);
    };
    // One worker, two, two, one: the store grows and the machine's load drifts during the run, and this order
    // gives both counts the same average place in it.
    await worker2.stop();
    await measure('A1-1-worker', phaseSizes[0]!);
    worker2 = await start('worker-3', 'worker');
    await measure('B1-2-workers', phaseSizes[1]!);
    await measure('B2-2-workers', phaseSizes[2]!);
    await worker2.stop();
    await measure('A2-1-worker', phaseSizes[3]!);
    worker2 = await start('worker-4', 'worker');
    console.log('phase K: two workers, one SIGKILLed mid-job, not replaced');
    phases.push(
      (
        await runPublishingPhase({
          ...phase,
          label: 'K-kill',
          // Long enough for a publication held by the killed worker (a 10-minute hold) to be taken up after it.
          withinMs: 13 * 60_000,
          count: phaseSizes[4]!,
          during: {
            atShare: 0.2,
            act: async (inFlight) => {
              console.log(`  SIGKILL worker-1 with ${inFlight} publications uploading or processing`);
              await worker1.kill();
            },
          },
        })
      ).result,
    );
    const counts = await tally(workspaces, sandbox, marker);
    ok = printReport({
      counts,
      phases,
      generationSeconds: gen.seconds,
      targetRatio: TARGET_RATIO,
      settings: { io: values.io, latency: values.latency, store: values.store },
    });
  } finally {
    for (const p of processes.reverse()) await p.stop();
    for (const stop of stopAll.reverse()) await stop().catch(() => undefined);
    if (values.keep || !ok) console.log(`run folder kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
