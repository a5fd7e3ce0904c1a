import { createHmac } from 'node:crypto';
import type { SandboxContext } from '../core/context.js';
import type { WebhookDelivery } from '../core/webhooks.js';
import { dueEvents, isInFlight } from './publish-state.js';
import { unitHash } from './stats.js';
import type { TiktokStore } from './store.js';

/** `TikTok-Signature` value: `t=<unix s>,s=hex(HMAC_SHA256(client_secret, t + "." + rawBody))` (§1.8). */
export function tiktokSignature(clientSecret: string, timestamp: number, rawBody: string): string {
  const s = createHmac('sha256', clientSecret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},s=${s}`;
}

/** One TikTok webhook event; `content` is serialized to a JSON string, as TikTok does. */
export interface TiktokEvent {
  event: string;
  openId: string;
  createTime: number;
  content: Record<string, unknown>;
  /** Stable per event, so the seeded choice of duplicates is deterministic. */
  key: string;
}

/** Posts an event to the app's callback URL, signed, retried by the core until 2xx; some are sent twice. */
export function sendTiktokEvent(ctx: SandboxContext, input: TiktokEvent): WebhookDelivery | null {
  const url = ctx.settings.webhookUrls.tiktok;
  if (!url) return null;
  const app = ctx.settings.apps.tiktok;
  const body = JSON.stringify({
    client_key: app.clientId,
    event: input.event,
    create_time: input.createTime,
    user_openid: input.openId,
    content: JSON.stringify(input.content),
  });
  const signature = tiktokSignature(app.clientSecret, ctx.clock.nowSeconds(), body);
  const duplicate =
    unitHash(ctx.settings.seed, `duplicate:${input.key}`) < ctx.settings.tiktok.webhookDuplicateRate;
  return ctx.webhooks.send({
    platform: 'tiktok',
    url,
    body,
    headers: { 'content-type': 'application/json', 'tiktok-signature': signature },
    duplicate,
  });
}

/** Delivers every `post.publish.*` event a publish has reached since the last sweep. */
export function deliverDueEvents(ctx: SandboxContext, store: TiktokStore): void {
  const now = ctx.clock.now();
  for (const publish of store.publishes.values()) {
    for (const due of dueEvents(publish, now, ctx.settings.tiktok)) {
      if (publish.emitted.has(due.key)) continue;
      publish.emitted.add(due.key);
      sendTiktokEvent(ctx, {
        event: due.event,
        openId: publish.openId,
        createTime: Math.floor(due.at / 1000),
        content: due.content,
        key: `${publish.publishId}:${due.key}`,
      });
    }
  }
}

/**
 * Removes a user's authorization of the app: the tokens die first, in-flight publishes fail with
 * `auth_removed`, then the signed `authorization.removed` event is sent.
 */
export function removeAuthorization(
  ctx: SandboxContext,
  store: TiktokStore,
  openId: string,
  reason: number,
): { revokedTokens: number; delivery: WebhookDelivery | null } {
  const now = ctx.clock.now();
  const clientKey = ctx.settings.apps.tiktok.clientId;
  const revokedTokens = store.revokeUserTokens(clientKey, openId);
  for (const publish of store.publishes.values()) {
    if (publish.openId === openId && isInFlight(publish, now, ctx.settings.tiktok))
      publish.authRemovedAt = now;
  }
  const delivery = sendTiktokEvent(ctx, {
    event: 'authorization.removed',
    openId,
    createTime: ctx.clock.nowSeconds(),
    content: { reason },
    key: `removed:${openId}:${now}:${store.nextSerial()}`,
  });
  deliverDueEvents(ctx, store);
  return { revokedTokens, delivery };
}
