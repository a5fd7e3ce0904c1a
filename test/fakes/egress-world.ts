import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startOpenAICompatibleFake } from '../../sandbox/ai/openai-compatible/server.js';
import { startOpenAiTtsFake } from '../../sandbox/ai/openai-tts/server.js';
import { SANDBOX_PEXELS_KEY, startPexelsFake } from '../../sandbox/ai/pexels/server.js';
import { SANDBOX_APPS } from '../../src/config/platforms.js';
import { FakeClock } from './fake-clock.js';
import { freePort } from './free-port.js';
import { startTestApp, type TestApp } from './test-app.js';

const OPENAI_KEY = 'sk-egress-script';
const TTS_KEY = 'sk-egress-voice';
// Providers this flow does not use still get a base URL: a local port nothing listens on, so that the allowed set
// built from the configuration holds no real internet host at all.
const UNUSED = 'http://127.0.0.1:9';

/** Real time plus an offset a test may push forward (to make stats readings due), unlike FakeClock's fixed time. */
export class RunningClock extends FakeClock {
  private offset = 0;
  override now(): number {
    return Date.now() + this.offset;
  }
  override advance(ms: number): void {
    this.offset += ms;
  }
}

/** The sandbox as a separate process, as the real platforms are: what it fetches is not the product's egress. */
async function startSandboxProcess(
  appOrigin: string,
): Promise<{ child: ChildProcess; baseUrls: Record<string, string> }> {
  const port = await freePort();
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    ['sandbox/main.ts', '--port', String(port), '--host', '127.0.0.1'],
    { env: { ...process.env, PUBLIC_BASE_URL: appOrigin }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${String(code)}`)));
  });
  return { child, baseUrls: JSON.parse(firstLine) as Record<string, string> };
}

export interface EgressWorld {
  t: TestApp;
  clock: RunningClock;
  /** Origins of the stand-ins the flow talks to, by name, to check each was reached. */
  standIns: { sandbox: string; script: string; voice: string; stock: string };
  close(): Promise<void>;
}

/**
 * The product as production runs it (no in-process sandbox, real connectors, cloud AI providers), with every
 * platform and AI provider base URL pointing at a local stand-in: the sandbox in its own process, and the
 * OpenAI-compatible, OpenAI speech and Pexels fakes. The app listens on a loopback port, since Instagram's
 * stand-in fetches the video from it as Instagram does.
 */
export async function startEgressWorld(): Promise<EgressWorld> {
  const appPort = await freePort();
  const origin = `http://127.0.0.1:${appPort}`;
  const sandbox = await startSandboxProcess(origin);
  try {
    return await startAroundSandbox(appPort, sandbox);
  } catch (error) {
    // A world that failed to start must not leave the sandbox process behind.
    sandbox.child.kill('SIGTERM');
    throw error;
  }
}

async function startAroundSandbox(
  appPort: number,
  sandbox: { child: ChildProcess; baseUrls: Record<string, string> },
): Promise<EgressWorld> {
  const script = await startOpenAICompatibleFake({ apiKeys: [OPENAI_KEY] });
  const voice = await startOpenAiTtsFake({ apiKey: TTS_KEY });
  const stock = await startPexelsFake();
  const clock = new RunningClock();
  const t = await startTestApp(
    {
      ...sandbox.baseUrls,
      LOG_LEVEL: 'warn',
      PLATFORM_SANDBOX: 'off',
      TIKTOK_CLIENT_KEY: SANDBOX_APPS.tiktok.clientId,
      TIKTOK_CLIENT_SECRET: SANDBOX_APPS.tiktok.clientSecret,
      INSTAGRAM_CLIENT_ID: SANDBOX_APPS.instagram.clientId,
      INSTAGRAM_CLIENT_SECRET: SANDBOX_APPS.instagram.clientSecret,
      GOOGLE_CLIENT_ID: SANDBOX_APPS.youtube.clientId,
      GOOGLE_CLIENT_SECRET: SANDBOX_APPS.youtube.clientSecret,
      SCRIPT_PROVIDER: 'openai',
      OPENAI_BASE_URL: script.baseUrl,
      OPENAI_API_KEY: OPENAI_KEY,
      VOICE_PROVIDER: 'openai',
      OPENAI_TTS_BASE_URL: voice.baseUrl,
      OPENAI_TTS_API_KEY: TTS_KEY,
      PEXELS_BASE_URL: stock.baseUrl,
      PEXELS_API_KEY: SANDBOX_PEXELS_KEY,
      ANTHROPIC_BASE_URL: UNUSED,
      GOOGLE_TTS_BASE_URL: UNUSED,
      ELEVENLABS_BASE_URL: UNUSED,
    },
    { port: appPort, clock },
  );
  const config = t.container.config;
  return {
    t,
    clock,
    standIns: {
      sandbox: new URL(config.TIKTOK_API_BASE_URL).origin,
      script: new URL(script.baseUrl).origin,
      voice: new URL(voice.baseUrl).origin,
      stock: new URL(stock.baseUrl).origin,
    },
    close: async () => {
      await t.close();
      await Promise.all([script.close(), voice.close(), stock.close()]);
      sandbox.child.kill('SIGTERM');
    },
  };
}
