import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, startTestApp, type TestApp } from '../../fakes/test-app.js';

async function until(check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface OpenStream {
  status: number;
  body: unknown;
  /** True once the server has ended the stream. */
  ended: () => boolean;
  abort(): void;
}

describe('progress streams', () => {
  let t: TestApp;
  let owner: Client;
  let itemId: string;
  const aborts: AbortController[] = [];

  beforeEach(async () => {
    // Listening for real: a stream stays open, which app.inject cannot show. The queue is not started, so the
    // item stays queued and its stream stays open.
    t = await startTestApp({}, { listen: true });
    owner = new Client(t.app, t.origin);
    await owner.signUp('owner@example.com');
    const created = await owner.post('/api/items', { topic: 'Cold brew at home' });
    expect(created.statusCode).toBe(201);
    itemId = created.json<{ item: { id: string } }>().item.id;
  });
  afterEach(async () => {
    for (const controller of aborts.splice(0)) controller.abort();
    await t.close();
  });

  async function open(client: Client): Promise<OpenStream> {
    const controller = new AbortController();
    aborts.push(controller);
    const res = await fetch(`${t.origin}/api/items/${itemId}/events`, {
      headers: { cookie: client.cookieHeader ?? '' },
      signal: controller.signal,
    });
    if (res.status !== 200)
      return { status: res.status, body: await res.json(), ended: () => true, abort: () => {} };
    const reader = res.body!.getReader();
    const first = await reader.read();
    let ended = false;
    // Keep reading until the server ends the stream (or the test aborts it).
    void (async () => {
      try {
        while (!(await reader.read()).done);
      } catch {
        /* aborted by the test */
      }
      ended = true;
    })();
    return {
      status: res.status,
      body: new TextDecoder().decode(first.value as Uint8Array | undefined),
      ended: () => ended,
      abort: () => controller.abort(),
    };
  }

  it('lets one person hold 5 streams open; the 6th gets 429 too_many_streams until one closes', async () => {
    const streams: OpenStream[] = [];
    for (let i = 0; i < 5; i++) streams.push(await open(owner));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect(streams[0]!.body).toContain('event: progress');

    const sixth = await open(owner);
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ error: { code: 'too_many_streams' } });

    // Another person has their own allowance.
    const other = new Client(t.app, t.origin);
    await other.signUp('other@example.com');
    const invite = await owner.post('/api/invitations', { email: 'other@example.com', role: 'viewer' });
    const token = new URL(invite.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    expect((await other.post('/api/invitations/accept', { token })).statusCode).toBe(200);
    expect((await open(other)).status).toBe(200);

    streams[0]!.abort();
    let again: OpenStream | undefined;
    await until(async () => {
      again = await open(owner);
      return again.status === 200;
    });
    expect(again?.status).toBe(200);
  });

  it('ends the open streams of a person removed from the workspace', async () => {
    t.container.settings.streamRecheckMs = 100;
    const member = new Client(t.app, t.origin);
    const { user } = await member.signUp('member@example.com');
    const invite = await owner.post('/api/invitations', { email: 'member@example.com', role: 'editor' });
    const token = new URL(invite.json<{ acceptUrl: string }>().acceptUrl).searchParams.get('token');
    expect((await member.post('/api/invitations/accept', { token })).statusCode).toBe(200);

    const memberStream = await open(member);
    const ownerStream = await open(owner);
    expect(memberStream.status).toBe(200);
    expect((await owner.delete(`/api/members/${user.id}`)).statusCode).toBeLessThan(300);

    await until(() => memberStream.ended());
    // The owner, still a member, keeps watching.
    await new Promise((r) => setTimeout(r, 300));
    expect(ownerStream.ended()).toBe(false);
  });
});
