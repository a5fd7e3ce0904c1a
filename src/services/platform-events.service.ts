import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Connection, Platform } from '../domain/connection.js';
import type { DeletionRequest } from '../domain/connection-records.js';
import { UserError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { addCounts, nonZero, type DeletionCounts } from '../domain/privacy/deletion.js';
import { newSecret } from '../domain/secrets.js';
import { isoNow, type Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { recordConnectionEvent } from './audit-log.js';
import { deletesStatsOnDisconnect, STATS_DELETED_NOTE } from './privacy/stats-retention.js';

const SIGNATURE_TOLERANCE_S = 300;
// Meta retries a failed callback for a while, but a signed_request older than this is a replay of a captured one.
const SIGNED_REQUEST_MAX_AGE_S = 3600;

export interface PlatformEventsDeps {
  store: Store;
  clock: Clock;
  /** App secrets that sign the platforms' callbacks; null when the platform is not set up. */
  secrets: { tiktok: string | null; instagram: string | null };
  publicBaseUrl: string;
  /** Acts on TikTok's posting events (post.publish.*): the publishing service. */
  publishEvents?: {
    tiktokPostEvent(event: string, content: Record<string, unknown>): Promise<unknown>;
  };
}

const badSignature = (): UserError =>
  new UserError('unauthenticated', 'invalid_signature', 'The signature does not verify');
const staleRequest = (): UserError =>
  new UserError('unauthenticated', 'stale_request', 'The signed request was issued more than an hour ago');
const replayedRequest = (): UserError =>
  new UserError('conflict', 'replayed_request', 'This signed request was already received');

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Platform-side revocations and data-deletion requests: verified, deduplicated, and acted on at once. */
export class PlatformEventsService {
  constructor(private readonly deps: PlatformEventsDeps) {}

  /**
   * A TikTok webhook: `TikTok-Signature: t=…,s=hex(HMAC_SHA256(secret, t + "." + rawBody))`, fresh `t`.
   * `authorization.removed` deletes the account's tokens everywhere; other events are acknowledged.
   */
  async tiktokWebhook(rawBody: string, signatureHeader: string | undefined): Promise<{ duplicate: boolean }> {
    const secret = this.deps.secrets.tiktok;
    if (!secret || !signatureHeader) throw badSignature();
    const parts = Object.fromEntries(
      signatureHeader.split(',').map((p) => p.trim().split('=', 2) as [string, string]),
    );
    const t = Number(parts.t);
    if (
      !parts.s ||
      !Number.isInteger(t) ||
      Math.abs(this.deps.clock.now() / 1000 - t) > SIGNATURE_TOLERANCE_S
    )
      throw badSignature();
    const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest();
    if (!/^[0-9a-f]+$/i.test(parts.s) || !safeEqual(Buffer.from(parts.s, 'hex'), expected))
      throw badSignature();

    let event: { event?: unknown; user_openid?: unknown; content?: unknown };
    try {
      event = JSON.parse(rawBody) as typeof event;
    } catch {
      throw new UserError('validation', 'invalid_json', 'The webhook body is not JSON');
    }
    const digest = createHash('sha256').update(rawBody).digest('hex');
    if (!(await this.deps.store.webhookReceipts.remember(digest, 'tiktok', isoNow(this.deps.clock))))
      return { duplicate: true };
    if (event.event === 'authorization.removed' && typeof event.user_openid === 'string') {
      const reason = parseReason(event.content);
      await this.revokeEverywhere(
        'tiktok',
        event.user_openid,
        `TikTok reports the authorization was removed (reason ${reason})`,
      );
    } else if (typeof event.event === 'string' && event.event.startsWith('post.publish.')) {
      await this.deps.publishEvents?.tiktokPostEvent(event.event, parseContent(event.content));
    }
    return { duplicate: false };
  }

  /** Meta's deauthorize callback: the person removed the app in Instagram; their tokens are deleted. */
  async instagramDeauthorize(signedRequest: string | undefined): Promise<void> {
    const userId = await this.acceptSignedRequest('deauthorize', signedRequest);
    await this.revokeEverywhere('instagram', userId, 'The person removed the app in Instagram');
  }

  /**
   * Meta's data-deletion callback: for every workspace's connection to that Instagram account, deletes the
   * connection, its tokens, its tracked videos and their stats, and the audit lines naming it (the same path as an
   * account deletion, 0037); keeps only a hash of the account id, an anonymous log line, and the status link.
   */
  async instagramDataDeletion(
    signedRequest: string | undefined,
  ): Promise<{ url: string; confirmation_code: string }> {
    const userId = await this.acceptSignedRequest('data_deletion', signedRequest);
    const { store, clock } = this.deps;
    const connections = await store.connections.findAllByAccount('instagram', userId);
    const code = newSecret().slice(0, 16);
    await store.transaction(async (tx) => {
      const parts: DeletionCounts[] = [];
      for (const c of connections) {
        parts.push(await tx.erasure.deleteConnectionData(c.workspaceId, c.id));
        // The workspace learns that an account went, without the account being named again.
        await tx.audit.append({
          id: newId(),
          workspaceId: c.workspaceId,
          type: 'data_deletion_requested',
          platform: 'instagram',
          connectionId: null,
          externalAccountId: null,
          actorUserId: null,
          detail: `Instagram data deletion request ${code}: a connected account, its tokens and its statistics were deleted`,
          createdAt: isoNow(clock),
        });
      }
      await tx.deletionRequests.create({
        code,
        platform: 'instagram',
        externalUserId: createHash('sha256').update(userId).digest('hex'),
        connectionsDeleted: connections.length,
        createdAt: isoNow(clock),
      });
      await tx.erasure.logDeletion({
        id: code,
        kind: 'platform_request',
        createdAt: isoNow(clock),
        counts: nonZero(addCounts(...parts)),
      });
    });
    await store.erasure.purgeDeleted();
    return { url: `${this.deps.publicBaseUrl}/privacy/deletion-status/${code}`, confirmation_code: code };
  }

  /** A platform deletion request with what it deleted (its anonymous log line, by the same code). */
  async deletionStatus(code: string): Promise<DeletionRequest & { deleted: DeletionCounts }> {
    const request = await this.deps.store.deletionRequests.find(code);
    if (!request) throw notFound('deletion_request');
    const log = await this.deps.store.erasure.findLog(code);
    return { ...request, deleted: log?.counts ?? {} };
  }

  /**
   * A verified, fresh signed_request seen for the first time: its user id. The digest covers the signed payload
   * part only, so re-encoding the signature does not make a replay look new; it names the callback too, as Meta
   * may send the same payload to both.
   */
  private async acceptSignedRequest(
    callback: 'deauthorize' | 'data_deletion',
    signedRequest: string | undefined,
  ): Promise<string> {
    const { userId, issuedAt, payload } = this.verifySignedRequest(signedRequest);
    const now = this.deps.clock.now() / 1000;
    if (now - issuedAt > SIGNED_REQUEST_MAX_AGE_S || issuedAt - now > SIGNATURE_TOLERANCE_S)
      throw staleRequest();
    const digest = createHash('sha256').update(`${callback}.${payload}`).digest('hex');
    if (!(await this.deps.store.webhookReceipts.remember(digest, 'instagram', isoNow(this.deps.clock))))
      throw replayedRequest();
    return userId;
  }

  /** `base64url(sig).base64url(payload)`, HMAC-SHA256 of the payload part with the app secret. */
  private verifySignedRequest(signedRequest: string | undefined): {
    userId: string;
    issuedAt: number;
    payload: string;
  } {
    const secret = this.deps.secrets.instagram;
    const [sig, payload] = (signedRequest ?? '').split('.', 2);
    if (!secret || !sig || !payload) throw badSignature();
    const expected = createHmac('sha256', secret).update(payload).digest();
    if (!safeEqual(Buffer.from(sig, 'base64url'), expected)) throw badSignature();
    let data: { algorithm?: unknown; user_id?: unknown; issued_at?: unknown };
    try {
      data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof data;
    } catch {
      throw badSignature();
    }
    if (
      String(data.algorithm).toUpperCase() !== 'HMAC-SHA256' ||
      (typeof data.user_id !== 'string' && typeof data.user_id !== 'number')
    ) {
      throw badSignature();
    }
    // Meta always sends issued_at; without one the age cannot be checked, so the request is not trusted.
    if (typeof data.issued_at !== 'number' || !Number.isFinite(data.issued_at)) throw staleRequest();
    return { userId: String(data.user_id), issuedAt: data.issued_at, payload };
  }

  /** The platform already revoked the grant: delete the tokens of every workspace's connection to that account. */
  private async revokeEverywhere(
    platform: Platform,
    accountId: string,
    reason: string,
  ): Promise<Connection[]> {
    const { store, clock } = this.deps;
    const connections = await store.connections.findAllByAccount(platform, accountId);
    await store.transaction(async (tx) => {
      const deleteStats = new Set<string>();
      for (const workspaceId of new Set(connections.map((c) => c.workspaceId)))
        if (await deletesStatsOnDisconnect(tx, workspaceId)) deleteStats.add(workspaceId);
      for (const c of connections) {
        const statsGo = deleteStats.has(c.workspaceId);
        if (statsGo) await tx.trackedVideos.deleteByConnection(c.workspaceId, c.id);
        await tx.connections.deleteTokens(c.workspaceId, c.id);
        await tx.connections.update({
          ...c,
          status: 'revoked',
          lastError: reason,
          nextRefreshAt: null,
          maskedAccessToken: null,
          maskedRefreshToken: null,
          updatedAt: isoNow(clock),
        });
        await recordConnectionEvent(
          tx,
          clock,
          c,
          'revoked_on_platform',
          `${reason}${statsGo ? STATS_DELETED_NOTE : ''}`,
        );
        await recordConnectionEvent(tx, clock, c, 'tokens_deleted', 'Access and refresh tokens deleted');
      }
    });
    return connections;
  }
}

/** The event's `content`, a JSON string (an empty object when it is not one). */
function parseContent(content: unknown): Record<string, unknown> {
  if (typeof content !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(content);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function parseReason(content: unknown): number | 'unknown' {
  if (typeof content !== 'string') return 'unknown';
  try {
    const reason = (JSON.parse(content) as { reason?: unknown }).reason;
    return typeof reason === 'number' ? reason : 'unknown';
  } catch {
    return 'unknown';
  }
}
