import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { VisualSource } from '../../../domain/content.js';
import { BugError, TransientError } from '../../../domain/errors.js';
import { beatKeywords } from '../../../domain/visual-cues.js';
import { singleMediaKeyOf } from '../../../domain/visual-source.js';
import type { MediaStore } from '../../../ports/media-store.js';
import type { VisualsProvider } from '../../../ports/visuals-provider.js';
import type { VisualsInput } from './generated-visuals.js';
import { failureOf, pexelsFetch } from './pexels-http.js';
import {
  photoCandidate,
  photoSearchSchema,
  pickVideoFile,
  videoSearchSchema,
  type StockCandidate,
} from './pexels-media.js';

export interface PexelsOptions {
  apiKey: string;
  /** e.g. https://api.pexels.com (PEXELS_BASE_URL). */
  baseUrl: string;
  store: MediaStore;
  /** For one API answer (default 20 s). */
  timeoutMs?: number;
  /** For one whole file download (default 120 s). */
  downloadTimeoutMs?: number;
  maxDownloadBytes?: number;
}

const VIDEO_SEARCH = '/videos/search';
const PHOTO_SEARCH = '/v1/search';
const RESULTS_PER_SEARCH = 5;
const QUERY_WORDS = 3;
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_DOWNLOAD_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024;

/**
 * Stock footage from Pexels: a portrait video for the beat's cue words, else a portrait photo. The file is
 * downloaded once into the media store under a key made from its URL, so using it again costs nothing.
 */
export class PexelsVisuals implements VisualsProvider {
  readonly id = 'pexels:v1';
  private readonly baseUrl: string;

  constructor(private readonly options: PexelsOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** A downloaded stock video or photo for the beat, or null when Pexels has nothing fitting. */
  async choose(input: VisualsInput, signal?: AbortSignal): Promise<VisualSource | null> {
    const query = searchQuery(input);
    if (!query) return null;
    const avoid = singleMediaKeyOf(input.previous);
    const usable = (c: StockCandidate | null): c is StockCandidate => c !== null && stockKey(c) !== avoid;

    const videos = await this.search(VIDEO_SEARCH, query, videoSearchSchema, signal);
    const video = videos.videos.map(pickVideoFile).find(usable);
    if (video) return this.fetchInto(video, signal);
    const photos = await this.search(PHOTO_SEARCH, query, photoSearchSchema, signal);
    const photo = photos.photos.map(photoCandidate).find(usable);
    return photo ? this.fetchInto(photo, signal) : null;
  }

  private async search<T>(
    path: string,
    query: string,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const params = new URLSearchParams({ query, orientation: 'portrait' });
    // Full HD videos at least; photos are used as their 800×1200 portrait crop, so any size will do.
    if (path === VIDEO_SEARCH) params.set('size', 'medium');
    params.set('per_page', String(RESULTS_PER_SEARCH));
    const response = await pexelsFetch(`${this.baseUrl}${path}?${params.toString()}`, {
      headers: { Authorization: this.options.apiKey, Accept: 'application/json' },
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      signal,
    });
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw failureOf(error, signal);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new TransientError('provider_bad_response', 'Pexels answered in an unknown shape');
    return parsed.data;
  }

  private async fetchInto(candidate: StockCandidate, signal: AbortSignal | undefined): Promise<VisualSource> {
    const { store } = this.options;
    const mediaKey = stockKey(candidate);
    if (!(await store.exists(mediaKey))) {
      const scratch = await store.scratch();
      try {
        const file = join(scratch.dir, `download.${candidate.extension}`);
        await this.download(candidate.url, file, signal);
        await store.put(mediaKey, file);
      } finally {
        await scratch.cleanup();
      }
    }
    return { kind: 'stock', mediaKey, mediaType: candidate.mediaType, credit: candidate.credit };
  }

  private async download(url: string, file: string, signal: AbortSignal | undefined): Promise<void> {
    const limit = this.options.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
    const timeoutMs = this.options.downloadTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
    const response = await pexelsFetch(url, { timeoutMs, signal });
    if (!response.body) throw new TransientError('stock_download_failed', 'Pexels sent an empty file');
    const handle = await open(file, 'w');
    try {
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      let written = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        written += chunk.value.byteLength;
        if (written > limit) {
          await reader.cancel();
          throw new BugError('stock_too_large', `A Pexels file is larger than ${limit} bytes`);
        }
        await handle.write(chunk.value);
      }
      if (written === 0) throw new TransientError('stock_download_failed', 'Pexels sent an empty file');
    } catch (error) {
      throw failureOf(error, signal);
    } finally {
      await handle.close();
    }
  }
}

/** The search words for a beat: its cue's first content words, else its text's. */
export function searchQuery(input: Pick<VisualsInput, 'beat' | 'brief'>): string | null {
  const { cue, text } = beatKeywords(input.beat, input.brief.language);
  const words = (cue.length > 0 ? cue : text).slice(0, QUERY_WORDS);
  return words.length > 0 ? words.join(' ') : null;
}

/** Where a stock file lives in the media store: named by a hash of its URL, so it is downloaded once. */
export function stockKey(candidate: StockCandidate): string {
  const digest = createHash('sha256').update(candidate.url).digest('hex').slice(0, 40);
  return `stock/pexels/${digest}.${candidate.extension}`;
}
