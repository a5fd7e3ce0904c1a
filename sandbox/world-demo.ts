import { parseArgs } from 'node:util';
import { DEMO_WORLD } from './demo-world.js';

/**
 * `npm run sandbox:world -- --base-url http://localhost:8080`: against a running `npm start` (the sandbox
 * in-process), plants a seeded world with known effects, moves the sandbox clock on so every earlier post is past
 * its 7-day reading, and says what to do next to see the learning loop find the effects.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string', default: 'http://localhost:8080' },
      'history-videos': { type: 'string', default: String(DEMO_WORLD.historyVideos) },
      'advance-days': { type: 'string', default: '7' },
    },
  });
  const base = (values['base-url'] ?? '').replace(/\/$/, '');
  const historyVideos = Number(values['history-videos']);
  const advanceDays = Number(values['advance-days']);
  if (!Number.isInteger(historyVideos) || historyVideos < 0 || historyVideos > 1000) {
    fail('--history-videos must be a whole number from 0 to 1000');
  }
  if (!Number.isFinite(advanceDays) || advanceDays < 0) fail('--advance-days must be a number of days ≥ 0');

  const world = await admin(base, 'PATCH', 'world', { ...DEMO_WORLD, historyVideos });
  const clock = await admin(base, 'POST', 'clock/advance', { seconds: Math.round(advanceDays * 86_400) });
  process.stdout.write(
    [
      `World planted on ${base}/sandbox (seeded; the same run gives the same posts):`,
      '  Length 10–20 s ×1.6, posting 18:00–21:00 ×1.5, a question as the first sentence ×1.3,',
      `  ${String(world.historyVideos)} earlier posts per account; sandbox clock now ${String(clock.iso)}.`,
      '',
      'Next:',
      `  1. Open ${base}, sign up (or sign in), and on Connections connect the sandbox TikTok, Instagram and`,
      '     YouTube accounts: each one’s earlier posts are imported with their views.',
      '  2. Open Analytics: once the import is done the recommendation cards name the planted effects.',
      '  3. Click "Apply to the next series": Create opens with briefs prefilled with those levels.',
      '',
    ].join('\n'),
  );
}

/** One call to the sandbox admin API (loopback callers, or the SANDBOX_ADMIN_TOKEN bearer token). */
async function admin(
  base: string,
  method: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const token = process.env.SANDBOX_ADMIN_TOKEN;
  const url = `${base}/sandbox/__sandbox/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    return fail(`Nothing answers at ${base}: start the product first (npm start), then run this again.`);
  }
  if (!response.ok) {
    return fail(
      `${method} ${url} answered ${response.status}: ${await response.text()}\n` +
        'The admin API answers in sandbox mode only, to this machine or with SANDBOX_ADMIN_TOKEN set.',
    );
  }
  return (await response.json()) as Record<string, unknown>;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

await main();
