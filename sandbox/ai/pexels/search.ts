import { CATALOG, type CatalogEntry } from './catalog.js';

export type Orientation = 'landscape' | 'portrait' | 'square';
export type SizeClass = 'large' | 'medium' | 'small';

const normalize = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');

/** Catalog entries whose tags or title fit the query words, best first (ties by id). */
export function matchEntries(query: string): CatalogEntry[] {
  const words = normalize(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  const scored = CATALOG.map((entry) => {
    const terms = [...entry.tags, ...entry.slug.split('-')].map(normalize);
    const score = words.filter((w) =>
      terms.some((t) => t.length >= 3 && (t.startsWith(w) || w.startsWith(t))),
    ).length;
    return { entry, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.entry.id - b.entry.id)
    .map((s) => s.entry);
}

/** Whether a width × height fits the requested orientation (any, when none or unknown was asked). */
export function fitsOrientation(
  size: { width: number; height: number },
  orientation: string | undefined,
): boolean {
  if (orientation === 'portrait') return size.height > size.width;
  if (orientation === 'landscape') return size.width > size.height;
  if (orientation === 'square') return size.width === size.height;
  return true;
}

/** Photos: large ≥ 24 MP, medium ≥ 12 MP, small ≥ 4 MP. */
export function photoFitsSize(size: { width: number; height: number }, wanted: string | undefined): boolean {
  const minimum = { large: 24e6, medium: 12e6, small: 4e6 }[wanted as SizeClass] ?? 0;
  return size.width * size.height >= minimum;
}

/** Videos: large = 4K, medium = Full HD, small = HD, by the longer side. */
export function videoFitsSize(size: { width: number; height: number }, wanted: string | undefined): boolean {
  const minimum = { large: 3840, medium: 1920, small: 1280 }[wanted as SizeClass] ?? 0;
  return Math.max(size.width, size.height) >= minimum;
}

/** One page of a list, with the page numbers the API echoes back. */
export function paginate<T>(
  items: T[],
  query: { page?: string; per_page?: string },
): { page: number; perPage: number; items: T[]; hasNext: boolean } {
  const page = Math.max(1, Math.floor(Number(query.page)) || 1);
  const perPage = Math.min(80, Math.max(1, Math.floor(Number(query.per_page)) || 15));
  const start = (page - 1) * perPage;
  return {
    page,
    perPage,
    items: items.slice(start, start + perPage),
    hasNext: start + perPage < items.length,
  };
}
