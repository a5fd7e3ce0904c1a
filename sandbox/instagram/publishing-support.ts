import type { LightMyRequestResponse } from 'fastify';
import {
  connect,
  graph,
  json,
  mp4File,
  startLocalServer,
  startSandbox,
  type LocalServer,
  type TestSandbox,
} from './test-support.js';

/** The video files the publishing tests point `video_url` at. */
export function startVideoServer(): Promise<LocalServer> {
  return startLocalServer({
    '/reel.mp4': { body: mp4File(12_000) },
    '/short.mp4': { body: mp4File(2_000) },
    '/not-faststart.mp4': { body: mp4File(12_000, { moovFirst: false }) },
    '/page.html': { body: '<html>login</html>', contentType: 'text/html' },
    '/gone.mp4': { status: 404 },
    '/slow.mp4': { hang: true },
  });
}

/** A sandbox with a connected business account and shortcuts for the publishing calls. */
export class Publisher {
  private constructor(
    readonly t: TestSandbox,
    readonly account: Awaited<ReturnType<typeof connect>>,
    private readonly files: LocalServer,
  ) {}

  static async start(files: LocalServer): Promise<Publisher> {
    const t = await startSandbox({ videoFetchTimeoutMs: 300 });
    return new Publisher(t, await connect(t.app), files);
  }

  advance(ms: number): void {
    this.t.sandbox.ctx.clock.advance(ms);
  }

  create(params: Record<string, string>, token = this.account.longToken, user = this.account.igUserId) {
    return graph(this.t.app, 'POST', `/v25.0/${user}/media`, { access_token: token, ...params });
  }

  /** Creates a REELS container from /reel.mp4 (or the overrides) and returns its id. */
  async createReel(extra: Record<string, string> = {}): Promise<string> {
    const response = await this.create({
      media_type: 'REELS',
      video_url: this.files.url('/reel.mp4'),
      ...extra,
    });
    if (response.statusCode !== 200) throw new Error(`container create answered ${response.body}`);
    return String(json(response).id);
  }

  async status(containerId: string): Promise<Record<string, unknown>> {
    const fields = 'status_code,status';
    return json(
      await graph(this.t.app, 'GET', `/v25.0/${containerId}`, {
        fields,
        access_token: this.account.longToken,
      }),
    );
  }

  publish(containerId: string, token = this.account.longToken): Promise<LightMyRequestResponse> {
    return graph(this.t.app, 'POST', `/v25.0/${this.account.igUserId}/media_publish`, {
      creation_id: containerId,
      access_token: token,
    });
  }
}
