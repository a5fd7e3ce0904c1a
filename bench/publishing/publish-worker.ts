import { openBenchApp } from './bench-app.js';

/**
 * One more worker for `bench:publish`: the product's container from the environment the benchmark passes, with
 * its job worker started and no HTTP server. Stops on SIGTERM.
 */
async function main(): Promise<void> {
  const env = JSON.parse(process.env.AIF_BENCH_ENV ?? '{}') as Record<string, string>;
  const app = await openBenchApp(env, { listen: false });
  await app.container.startJobs();
  process.stdout.write('worker ready\n');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
