import type { IncomingMessage } from 'node:http';

/** A request body handed over unparsed, so uploads can be counted as they arrive. */
export type RawBody = AsyncIterable<Buffer> & Partial<Pick<IncomingMessage, 'complete'>>;

/** What arrived of a body: the bytes, and whether the client finished sending (false if it dropped). */
export interface ReceivedBody {
  data: Buffer;
  complete: boolean;
  tooLarge: boolean;
}

/** Reads a body up to `limit` bytes; a dropped connection keeps what arrived, with complete=false. */
export async function receiveBody(body: unknown, limit: number): Promise<ReceivedBody> {
  if (!isRawBody(body)) return { data: Buffer.alloc(0), complete: true, tooLarge: false };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > limit) return { data: Buffer.alloc(0), complete: false, tooLarge: true };
      chunks.push(chunk);
    }
  } catch {
    return { data: Buffer.concat(chunks), complete: false, tooLarge: false };
  }
  return { data: Buffer.concat(chunks), complete: body.complete !== false, tooLarge: false };
}

/** What arrived of a chunk, counted as it streams: only its first bytes are kept (to sniff the container). */
export interface CountedBody {
  length: number;
  head: Buffer;
  complete: boolean;
  tooLarge: boolean;
}

/** Counts a body up to `limit` bytes, keeping its first `headBytes`; memory stays flat whatever the chunk size. */
export async function countBody(body: unknown, limit: number, headBytes: number): Promise<CountedBody> {
  if (!isRawBody(body)) return { length: 0, head: Buffer.alloc(0), complete: true, tooLarge: false };
  let length = 0;
  let head = Buffer.alloc(0);
  try {
    for await (const chunk of body) {
      if (head.length < headBytes) head = Buffer.concat([head, chunk.subarray(0, headBytes - head.length)]);
      length += chunk.length;
      if (length > limit) return { length, head, complete: false, tooLarge: true };
    }
  } catch {
    return { length, head, complete: false, tooLarge: false };
  }
  return { length, head, complete: body.complete !== false, tooLarge: false };
}

function isRawBody(value: unknown): value is RawBody {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** A parsed `Content-Range` of a chunk PUT: `bytes a-b/T`, `bytes a-b/*` or the `bytes *\/T` status query. */
export type ContentRange =
  | { kind: 'query'; total: number | null }
  | { kind: 'chunk'; first: number; last: number; total: number | null };

/** Parses Content-Range as the upload host does; null when it cannot be parsed. */
export function parseContentRange(header: string): ContentRange | null {
  const query = /^bytes \*\/(\d+|\*)$/.exec(header.trim());
  if (query?.[1]) return { kind: 'query', total: query[1] === '*' ? null : Number(query[1]) };
  const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!chunk?.[1] || !chunk[2] || !chunk[3]) return null;
  const first = Number(chunk[1]);
  const last = Number(chunk[2]);
  const total = chunk[3] === '*' ? null : Number(chunk[3]);
  if (last < first || (total !== null && last >= total)) return null;
  return { kind: 'chunk', first, last, total };
}

/** One part of a multipart/related body. */
export interface RelatedPart {
  contentType: string;
  body: Buffer;
}

/** Splits a `multipart/related; boundary=…` body (metadata part, then media part) as Google's upload host does. */
export function parseMultipartRelated(contentType: string, body: Buffer): RelatedPart[] | null {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: RelatedPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) return null;
  for (;;) {
    cursor += delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, cursor);
    if (next < 0) return null;
    const part = parsePart(body.subarray(cursor, next));
    if (!part) return null;
    parts.push(part);
    cursor = next;
  }
}

function parsePart(raw: Buffer): RelatedPart | null {
  const start = raw.indexOf('\r\n') === 0 ? 2 : raw.indexOf('\n') === 0 ? 1 : 0;
  const crlf = raw.indexOf('\r\n\r\n', start);
  const lf = raw.indexOf('\n\n', start);
  const split = crlf >= 0 ? { at: crlf, gap: 4 } : lf >= 0 ? { at: lf, gap: 2 } : null;
  if (!split) return null;
  const headers = raw.subarray(start, split.at).toString('utf8');
  let bodyEnd = raw.length;
  if (raw.subarray(bodyEnd - 2).toString() === '\r\n') bodyEnd -= 2;
  else if (raw.subarray(bodyEnd - 1).toString() === '\n') bodyEnd -= 1;
  const contentType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
  return { contentType, body: raw.subarray(split.at + split.gap, bodyEnd) };
}

/** Whether a media type is one YouTube accepts for uploads (video/* or application/octet-stream). */
export function isAcceptedMediaType(type: string): boolean {
  const base = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return /^video\/[a-z0-9.+-]+$/.test(base) || base === 'application/octet-stream';
}
