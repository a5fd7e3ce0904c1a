import { parseArgs } from 'node:util';
import { SANDBOX_PEXELS_KEY, startPexelsFake } from './server.js';

/** `npx tsx sandbox/ai/pexels/main.ts --port 8091`: the fake alone; prints PEXELS_BASE_URL and PEXELS_API_KEY. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8091' } } });
  const fake = await startPexelsFake({ port: Number(values.port) });
  process.stdout.write(
    `${JSON.stringify({ PEXELS_BASE_URL: fake.baseUrl, PEXELS_API_KEY: SANDBOX_PEXELS_KEY })}\n`,
  );
  const stop = (): void => void fake.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
