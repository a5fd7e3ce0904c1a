import Fastify from 'fastify';
import { parseArgs } from 'node:util';
import { createSandbox } from './server.js';
import { sandboxSettingsFromEnv } from './env.js';

/**
 * `npm run sandbox -- --port N`: the local TikTok, Instagram and YouTube alone.
 * The first stdout line is a JSON object of the product's base URL settings pointing here.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8090' }, host: { type: 'string', default: '127.0.0.1' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`Invalid --port ${values.port}\n`);
    process.exit(2);
  }
  const app = Fastify({ logger: false, forceCloseConnections: true });
  // The public URL needs the real port, so listen first on the chosen one, then mount.
  const publicUrl = `http://${values.host}:${port}`;
  const sandbox = createSandbox({ publicUrl, settings: sandboxSettingsFromEnv(process.env) });
  await app.register(sandbox.plugin);
  await app.listen({ port, host: values.host });
  process.stdout.write(`${JSON.stringify(sandbox.baseUrls)}\n`);
  process.stdout.write(`sandbox listening on ${publicUrl} (admin API at ${publicUrl}/__sandbox/)\n`);
  const stop = (): void => {
    sandbox.close();
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
