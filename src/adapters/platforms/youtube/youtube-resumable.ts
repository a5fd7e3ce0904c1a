import { createReadStream } from 'node:fs';
import { BugError } from '../../../domain/errors.js';
import { PublishFailure } from '../../../domain/publishing/publish-failure.js';
import { platformFetch, type PlatformHttpOptions, type PlatformResponse } from '../http.js';
import { asObject, stringField } from './json-fields.js';

/** Non-final chunks must be whole multiples of this (256 KiB, §3.3). */
export const CHUNK_UNIT = 262_144;
/** 8 MiB: few round trips, and one chunk is all a stream buffers at a time. */
export const DEFAULT_CHUNK_BYTES = 32 * CHUNK_UNIT;

/** One chunk of the file: inclusive byte positions, and whether it ends the file. */
export interface ChunkRange {
  first: number;
  last: number;
  final: boolean;
}

/** Throws unless `bytes` is a positive whole number of 256 KiB units. */
export function assertChunkBytes(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes <= 0 || bytes % CHUNK_UNIT !== 0) {
    throw new BugError(
      'bad_chunk_size',
      `YouTube chunks must be multiples of ${CHUNK_UNIT} bytes, not ${bytes}`,
    );
  }
}

/** The next chunk from `offset`: `chunkBytes` long, or what is left of the file. */
export function nextChunk(offset: number, total: number, chunkBytes: number): ChunkRange {
  const last = Math.min(offset + chunkBytes, total) - 1;
  return { first: offset, last, final: last === total - 1 };
}

/** Where a session stands, from the answer to a chunk or to a `bytes *\/N` query. */
export type SessionAnswer =
  | { kind: 'incomplete'; offset: number }
  | { kind: 'complete'; videoId: string }
  | { kind: 'gone' }
  | { kind: 'refused'; response: PlatformResponse };

/**
 * Reads an upload-host answer: 308 with `Range: bytes=0-N` → continue at N+1 (no Range: nothing stored, 0);
 * 200/201 → the video resource; 404 → the session expired; anything else is a refusal for the error table.
 */
export function readSessionAnswer(response: PlatformResponse): SessionAnswer {
  if (response.status === 308)
    return { kind: 'incomplete', offset: confirmedBytes(response.headers.get('range')) };
  if (response.status === 200 || response.status === 201) {
    const videoId = stringField(asObject(response.json), 'id');
    if (!videoId) {
      throw new PublishFailure(
        'youtube',
        'youtube.no_video_id',
        'YouTube finished the upload but did not say which video it made; it will ask again.',
        'retry',
      );
    }
    return { kind: 'complete', videoId };
  }
  if (response.status === 404) return { kind: 'gone' };
  return { kind: 'refused', response };
}

/** The byte count a `Range: bytes=0-N` header confirms (N+1); 0 without a readable header. */
export function confirmedBytes(range: string | null): number {
  const match = range ? /^bytes=0-(\d+)$/.exec(range.trim()) : null;
  return match?.[1] ? Number(match[1]) + 1 : 0;
}

/** Asks the session how much it holds: `PUT` with no body and `Content-Range: bytes *\/total`. */
export async function querySession(
  sessionUri: string,
  input: { accessToken: string; total: number },
  http: PlatformHttpOptions,
): Promise<SessionAnswer> {
  const response = await platformFetch(
    sessionUri,
    {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${input.accessToken}`,
        'content-length': '0',
        'content-range': `bytes */${input.total}`,
      },
    },
    http,
  );
  return readSessionAnswer(response);
}

/**
 * Sends one chunk, streamed from disk: only this chunk's bytes are read, and only as the socket takes them, so
 * memory does not grow with the file.
 */
export async function sendChunk(
  sessionUri: string,
  input: { accessToken: string; path: string; total: number; chunk: ChunkRange },
  http: PlatformHttpOptions,
): Promise<SessionAnswer> {
  const { first, last } = input.chunk;
  const body = createReadStream(input.path, { start: first, end: last });
  try {
    const response = await platformFetch(
      sessionUri,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${input.accessToken}`,
          'content-type': 'video/mp4',
          'content-length': String(last - first + 1),
          'content-range': `bytes ${first}-${last}/${input.total}`,
        },
        body,
        duplex: 'half',
      },
      http,
    );
    return readSessionAnswer(response);
  } finally {
    // A failed request may leave the file open; the stream is ours to close.
    body.destroy();
  }
}
