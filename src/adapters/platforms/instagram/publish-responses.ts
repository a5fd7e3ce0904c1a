import { asNumber, asText, isRecord } from './body-fields.js';

/** The container lifecycle of PLATFORMS.md §2.2; anything else Meta may add reads as `UNKNOWN`. */
export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED' | 'UNKNOWN';

export interface ContainerState {
  statusCode: ContainerStatusCode;
  /** On ERROR, the subcode Meta puts in the `status` text ("…failed with error code 2207082"). */
  subcode: number | null;
  status: string | null;
}

const KNOWN_STATUSES: readonly ContainerStatusCode[] = [
  'IN_PROGRESS',
  'FINISHED',
  'PUBLISHED',
  'ERROR',
  'EXPIRED',
];

/** Reads `GET /{container-id}?fields=status_code,status`. */
export function parseContainerState(body: Record<string, unknown>): ContainerState {
  const raw = asText(body.status_code);
  const statusCode = KNOWN_STATUSES.find((s) => s === raw) ?? 'UNKNOWN';
  const status = asText(body.status);
  const subcode = status?.match(/\b(2207\d{3})\b/)?.[1];
  return { statusCode, status, subcode: subcode === undefined ? null : Number(subcode) };
}

/** The `id` of a create or publish answer (`{"id":"…"}`), or null. */
export function parseId(body: Record<string, unknown>): string | null {
  const id = body.id;
  return typeof id === 'number' ? String(id) : asText(id);
}

export interface PublishingLimit {
  usage: number;
  total: number;
  /** The rolling window, seconds (86400). */
  durationSec: number;
}

/** Reads `content_publishing_limit` (`{"data":[{"quota_usage":2,"config":{"quota_total":50,"quota_duration":86400}}]}`). */
export function parsePublishingLimit(body: Record<string, unknown>): PublishingLimit | null {
  const entry: unknown = Array.isArray(body.data) ? body.data[0] : null;
  if (!isRecord(entry)) return null;
  const config = isRecord(entry.config) ? entry.config : {};
  const usage = asNumber(entry.quota_usage);
  const total = asNumber(config.quota_total);
  if (usage === null || total === null) return null;
  return { usage, total, durationSec: asNumber(config.quota_duration) ?? 86_400 };
}

export interface MediaSummary {
  id: string;
  permalink: string | null;
  /** Epoch ms, or null when Meta's timestamp is missing or unreadable. */
  publishedAt: number | null;
  caption: string;
}

/** Reads `GET /{ig-user-id}/media?fields=id,permalink,timestamp,caption` (newest first). */
export function parseMediaList(body: Record<string, unknown>): MediaSummary[] {
  const data = Array.isArray(body.data) ? body.data : [];
  return data.filter(isRecord).flatMap((m) => {
    const id = parseId(m);
    if (id === null) return [];
    return [
      {
        id,
        permalink: asText(m.permalink),
        publishedAt: graphTime(m.timestamp),
        caption: asText(m.caption) ?? '',
      },
    ];
  });
}

/** Meta's ISO timestamps ("2026-12-07T03:43:28+0000") → epoch ms. */
export function graphTime(value: unknown): number | null {
  const text = asText(value);
  if (text === null) return null;
  const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : null;
}

/** The post a lost publish made: the oldest media with this caption published at or after `notBefore` (epoch ms). */
export function matchPublishedMedia(
  recent: MediaSummary[],
  caption: string,
  notBefore: number,
): MediaSummary | undefined {
  return recent
    .filter(
      (m) => m.caption.trim() === caption.trim() && m.publishedAt !== null && m.publishedAt >= notBefore,
    )
    .sort((a, b) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0))[0];
}
