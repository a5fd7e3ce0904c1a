import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PLATFORMS, type Platform } from '../src/domain/connection.js';
import { freePort } from '../test/fakes/free-port.js';
import { AppClient } from './publishing/app-client.js';
import { benchEnv } from './publishing/bench-app.js';
import { postsByTitle, relaxSandboxLimits } from './publishing/sandbox-posts.js';
import { startSandboxProcess } from './publishing/sandbox-process.js';
import { makeClip } from './publishing/test-video.js';

/**
 * `npm run reliability:publish`: publications to the three sandbox platforms while the app (the real server,
 * embedded default: SQLite, in-process jobs) is killed with SIGKILL at random moments and started again. The sandbox
 * runs in its own process and keeps its state, so afterwards it can say what was really posted: every publication
 * must be published exactly once (0 duplicates, 0 lost). Creation requests cut by a kill are sent again with the
 * same Idempotency-Key, as a client would.
 */
const FINAL = new Set(['published', 'failed', 'needs_action', 'canceled']);

interface PublicationRow {
  id: string;
  status: string;
  platform: Platform;
  options: Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      publications: { type: 'string', default: '50' },
      kills: { type: 'string', default: '12' },
      seed: { type: 'string', default: String(Date.now()) },
    },
  });
  const count = Number(values.publications);
  const kills = Number(values.kills);
  let seed = Number(values.seed);
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const work = mkdtempSync(join(tmpdir(), 'aif-reliability-'));
  const clip = join(work, 'clip.mp4');
  makeClip(clip);
  const appOrigin = `http://127.0.0.1:${await freePort()}`;
  const sandbox = await startSandboxProcess(await freePort(), appOrigin);
  await relaxSandboxLimits(sandbox);
  const env = benchEnv({
    dataDir: join(work, 'data'),
    appOrigin,
    baseUrls: sandbox.baseUrls,
    extra: { NODE_ENV: 'development', TIKTOK_DAILY_POSTS_PER_CREATOR: '1000' },
  });
  let app = await startApp(env, appOrigin);
  let killed = 0;
  try {
    const client = new AppClient(appOrigin);
    await client.signUp('reliability@example.com');
    const connections = new Map<Platform, string>();
    for (const platform of PLATFORMS) connections.set(platform, await client.connect(platform));
    const versionId = await client.uploadVideo(clip, 'Reliability run');
    await client.approve(versionId);

    const marker = `reliability-${values.seed}`;
    let created = 0;
    const createAll = (async () => {
      for (let i = 0; i < count; i++) {
        const platform = PLATFORMS[i % PLATFORMS.length]!;
        const title = `${marker} #${i}`;
        const scheduledAt = i % 3 === 0 ? undefined : new Date(Date.now() + random() * 60_000).toISOString();
        const body = {
          versionId,
          connectionId: connections.get(platform),
          scheduledAt,
          options: optionsFor(platform, title),
        };
        const key = randomUUID();
        // A kill may cut the request: send it again with the same key until the app answers.
        for (;;) {
          try {
            await client.call('POST', '/api/publications', body, [201], { 'idempotency-key': key });
            break;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
        created++;
      }
    })();

    // Kill at random moments (1–8 s apart) while publications are created, uploaded and processed.
    while (killed < kills) {
      await new Promise((resolve) => setTimeout(resolve, 1000 + random() * 7000));
      await killHard(app);
      killed++;
      app = await startApp(env, appOrigin);
    }
    await createAll;

    const deadline = Date.now() + 20 * 60_000;
    let rows: PublicationRow[] = [];
    while (Date.now() < deadline) {
      rows = await listAll(client);
      if (rows.length === count && rows.every((p) => FINAL.has(p.status))) break;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
    const posts = await postsByTitle(sandbox, marker);
    const duplicates = [...posts.values()].filter((n) => n > 1).length;
    const published = rows.filter((p) => p.status === 'published');
    const lost = rows.filter((p) => {
      const title = p.platform === 'youtube' ? p.options.title : p.options.caption;
      return p.status !== 'published' || typeof title !== 'string' || !posts.has(title);
    });
    const byStatus = Object.entries(
      rows.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.status]: (acc[p.status] ?? 0) + 1 }), {}),
    )
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    console.log(
      `Publishing reliability: ${count} publications, the app killed ${killed} times (SIGKILL), seed ${values.seed}`,
    );
    console.log(`  created ${created}/${count}; statuses: ${byStatus}`);
    console.log(
      `  posts on the platforms: ${posts.size} distinct, duplicates ${duplicates}, lost ${lost.length}`,
    );
    console.log(
      `  every publication published exactly once: ${duplicates === 0 && lost.length === 0 && published.length === count ? 'yes' : 'NO'}`,
    );
    if (duplicates > 0 || lost.length > 0) process.exitCode = 1;
  } finally {
    await killHard(app);
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function optionsFor(platform: Platform, title: string): Record<string, unknown> {
  if (platform === 'tiktok')
    return {
      mode: 'direct',
      privacyLevel: 'PUBLIC_TO_EVERYONE',
      disableComment: true,
      disableDuet: true,
      disableStitch: true,
      caption: title,
    };
  if (platform === 'instagram') return { caption: title };
  return { title, privacyStatus: 'public', madeForKids: false };
}

async function listAll(client: AppClient): Promise<PublicationRow[]> {
  const rows: PublicationRow[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: PublicationRow[]; nextCursor: string | null } = await client.call(
      'GET',
      `/api/publications?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** The real server (`src/main.ts`) in a child process, resolved once it answers /readyz. */
async function startApp(env: Record<string, string>, origin: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited during boot (${child.exitCode})`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the app did not start in time');
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

void main();
