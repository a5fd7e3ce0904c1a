import { openAsBlob } from 'node:fs';
import type { Platform } from '../../src/domain/connection.js';

/** A person using the running app over HTTP, as the browser does: session cookie, same-origin header, JSON. */
export class AppClient {
  private cookie = '';

  constructor(readonly origin: string) {}

  /** Calls the API; throws with the answer unless the status is one of `expect`. */
  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    expect = [200, 201],
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        ...headers,
        origin: this.origin,
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    this.keepCookie(response);
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Signs up; the session cookie is kept for the next calls. Returns the workspace id. */
  async signUp(email: string): Promise<string> {
    const answer = await this.call<{ workspace: { id: string } }>('POST', '/api/auth/signup', {
      email,
      password: 'a long enough passphrase',
    });
    return answer.workspace.id;
  }

  /** Uploads a finished video for every platform and waits until it is ready; returns its current version id. */
  async uploadVideo(path: string, title: string): Promise<string> {
    const form = new FormData();
    form.set('title', title);
    form.set('video', await openAsBlob(path, { type: 'video/mp4' }), 'clip.mp4');
    const response = await fetch(`${this.origin}/api/items/upload`, {
      method: 'POST',
      headers: { origin: this.origin, cookie: this.cookie },
      body: form,
    });
    if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
    const { item } = (await response.json()) as { item: { id: string } };
    for (let i = 0; i < 600; i++) {
      const detail = await this.call<{ item: { status: string; currentVersionId: string | null } }>(
        'GET',
        `/api/items/${item.id}`,
      );
      if (detail.item.status === 'ready' && detail.item.currentVersionId) return detail.item.currentVersionId;
      if (detail.item.status === 'failed') throw new Error('the upload failed');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the upload never became ready');
  }

  /** Submits a version and approves it (an owner may approve their own work by default). */
  async approve(versionId: string): Promise<void> {
    await this.call('POST', `/api/versions/${versionId}/review`, { action: 'submit' });
    await this.call('POST', `/api/versions/${versionId}/review`, { action: 'approve', comment: 'Approved' });
  }

  /**
   * Connects the sandbox account of a platform through the app's own OAuth flow (the sandbox consents at once
   * for its auto-consent persona); returns the new connection's id.
   */
  async connect(platform: Platform): Promise<string> {
    let { url } = await this.call<{ url: string }>('POST', `/api/connections/${platform}/authorize`, {});
    let back = new URL(url);
    // Google grants a refresh token on an account's first consent only: when another workspace connected the same
    // account before, the app's callback sends the browser back to consent once more (prompt=consent).
    for (let round = 0; round < 2 && back.origin !== this.origin; round++) {
      const consent = await fetch(url, { redirect: 'manual' });
      const callback = consent.headers.get('location');
      if (!callback) throw new Error(`${platform}: no consent redirect (${consent.status})`);
      const landed = await fetch(callback, { redirect: 'manual', headers: { cookie: this.cookie } });
      url = landed.headers.get('location') ?? '';
      back = new URL(url, this.origin);
    }
    if (back.searchParams.get('status') !== 'connected')
      throw new Error(`${platform}: not connected (${back.search})`);
    const { items } = await this.call<{ items: { id: string; platform: Platform }[] }>(
      'GET',
      '/api/connections',
    );
    const connection = items.find((c) => c.platform === platform);
    if (!connection) throw new Error(`${platform}: no connection listed`);
    return connection.id;
  }

  private keepCookie(response: Response): void {
    const session = response.headers.getSetCookie().find((c) => c.startsWith('aif_session='));
    if (session) this.cookie = session.split(';')[0] ?? '';
  }
}
