import Fastify from 'fastify';
import type { PlatformModule } from '../../sandbox/core/context.js';
import type { SandboxSettings } from '../../sandbox/core/settings.js';
import { platformModules } from '../../sandbox/modules.js';
import { createSandbox, type Sandbox } from '../../sandbox/server.js';
import { freePort } from './free-port.js';

export type SandboxPlatform = PlatformModule['name'];

export interface SandboxHarnessOptions {
  /** The platforms to serve; every registered sandbox module when omitted. */
  platforms?: SandboxPlatform[];
  settings?: Partial<SandboxSettings>;
}

export interface SandboxHarness {
  sandbox: Sandbox;
  /** The product's base URL settings, pointing at this sandbox. */
  baseUrls: Sandbox['baseUrls'];
  /** Where the sandbox listens, e.g. http://127.0.0.1:40123; its admin API is under /__sandbox. */
  origin: string;
  close(): Promise<void>;
}

function moduleNamed(name: SandboxPlatform): PlatformModule {
  const module = platformModules.find((m) => m.name === name);
  if (!module) throw new Error(`The ${name} sandbox module is not registered in sandbox/modules.ts`);
  return module;
}

/**
 * The sandbox as its own Fastify app on a free 127.0.0.1 port, so its public URL carries the real port. It is
 * mounted at the root because the core matches fault endpoints only there.
 */
export async function startSandboxHarness(options: SandboxHarnessOptions = {}): Promise<SandboxHarness> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const sandbox = createSandbox({
    publicUrl: origin,
    modules: options.platforms?.map(moduleNamed),
    settings: options.settings,
  });
  // A request held open by a 'hang' fault must not keep close() waiting.
  const app = Fastify({ forceCloseConnections: true });
  await app.register(sandbox.plugin);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    sandbox,
    baseUrls: sandbox.baseUrls,
    origin,
    close: async () => {
      sandbox.close();
      await app.close();
    },
  };
}
