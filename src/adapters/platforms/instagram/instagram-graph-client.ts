import type { Clock } from '../../../ports/clock.js';
import { formBody, platformFetch, platformUrl, type PlatformResponse } from '../http.js';
import { asNumber, isRecord } from './body-fields.js';
import { GRAPH_API_VERSION } from './instagram.connector.js';
import { instagramPublishError } from './instagram-publish-errors.js';
import { isMetaFailure, readMetaError, type MetaError } from './meta-errors.js';

/** A Graph answer: the body, or Meta's error with what the caller needs to map it. */
export type GraphAnswer =
  | { ok: true; body: Record<string, unknown>; text: string }
  | { ok: false; error: MetaError | null; response: PlatformResponse };

/** Calls on graph.instagram.com under the pinned version, with the token as Meta's samples pass it. */
export class InstagramGraphClient {
  constructor(
    private readonly baseUrl: string,
    private readonly clock: Clock,
    private readonly timeoutMs: number | undefined,
  ) {}

  /** GET /vNN.0{path}; a Meta error is thrown as mapped by the publish error table. */
  async get(
    path: string,
    query: Record<string, string>,
    accessToken: string,
  ): Promise<Record<string, unknown>> {
    return this.orThrow(await this.getRaw(path, query, accessToken)).body;
  }

  /** POST /vNN.0{path} with form fields; a Meta error is thrown as mapped by the publish error table. */
  async post(
    path: string,
    fields: Record<string, string | undefined>,
    accessToken: string,
  ): Promise<Record<string, unknown>> {
    return this.orThrow(await this.postRaw(path, fields, accessToken)).body;
  }

  /** GET that hands a Meta error back instead of throwing it. */
  async getRaw(path: string, query: Record<string, string>, accessToken: string): Promise<GraphAnswer> {
    const url = platformUrl(this.baseUrl, `/${GRAPH_API_VERSION}${path}`, {
      ...query,
      access_token: accessToken,
    });
    return answer(await platformFetch(url, { method: 'GET' }, { timeoutMs: this.timeoutMs }));
  }

  /** POST that hands a Meta error back instead of throwing it; the token travels in the form, not the URL. */
  async postRaw(
    path: string,
    fields: Record<string, string | undefined>,
    accessToken: string,
  ): Promise<GraphAnswer> {
    const url = platformUrl(this.baseUrl, `/${GRAPH_API_VERSION}${path}`);
    const init = { method: 'POST', body: formBody({ ...fields, access_token: accessToken }) };
    return answer(await platformFetch(url, init, { timeoutMs: this.timeoutMs }));
  }

  /** The mapped failure of a failed answer (PublishFailure, or needs_reconnect for a dead token). */
  failure(failed: Extract<GraphAnswer, { ok: false }>, retryAt?: number | null): Error {
    return instagramPublishError(failed.error, {
      now: this.clock.now(),
      retryAt: retryAt ?? regainAccessAt(failed.response, this.clock.now()),
      httpStatus: failed.response.status,
    });
  }

  /** The answer itself, or its mapped failure thrown. */
  orThrow(result: GraphAnswer): Extract<GraphAnswer, { ok: true }> {
    if (!result.ok) throw this.failure(result);
    return result;
  }
}

function answer(response: PlatformResponse): GraphAnswer {
  if (isMetaFailure(response) || !isRecord(response.json)) {
    return { ok: false, error: readMetaError(response.json), response };
  }
  return { ok: true, body: response.json, text: response.text };
}

/**
 * When a rate limit lifts: Retry-After, or the largest `estimated_time_to_regain_access` (minutes) of the Business
 * Use Case usage header (PLATFORMS.md §2.4); null when neither says.
 */
export function regainAccessAt(response: PlatformResponse, now: number): number | null {
  const retryAfter = asNumber(response.headers.get('retry-after'));
  if (retryAfter !== null && retryAfter > 0) return now + retryAfter * 1000;
  const raw = response.headers.get('x-business-use-case-usage');
  if (!raw) return null;
  let minutes = 0;
  try {
    const usage: unknown = JSON.parse(raw);
    if (!isRecord(usage)) return null;
    for (const entries of Object.values(usage)) {
      for (const entry of Array.isArray(entries) ? entries : []) {
        const regain = isRecord(entry) ? asNumber(entry.estimated_time_to_regain_access) : null;
        if (regain !== null) minutes = Math.max(minutes, regain);
      }
    }
  } catch {
    return null;
  }
  return minutes > 0 ? now + minutes * 60_000 : null;
}
