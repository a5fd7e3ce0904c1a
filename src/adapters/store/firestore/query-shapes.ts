import type { QuerySpec } from './context.js';

/** The shape of a query: what index Firestore needs for it, without the values. */
export interface QueryShape {
  collection: string;
  /** Fields compared with ==, or `in` (equality for indexing), in the order written. */
  equality: string[];
  /** The field of an array-contains(-any) filter, if any. */
  arrayContains: string | null;
  /** Fields with a range or inequality filter. */
  ranges: string[];
  orderBy: [string, 'asc' | 'desc'][];
}

const EQUALITY = new Set(['==', 'in']);
const ARRAY = new Set(['array-contains', 'array-contains-any']);

/** Shapes seen since the process started, keyed by their JSON (a handful per repository method). */
const seen = new Map<string, QueryShape>();

/** Notes the shape of a query about to run. */
export function recordQueryShape(spec: QuerySpec): void {
  const shape = shapeOf(spec);
  seen.set(JSON.stringify(shape), shape);
}

/** Every query shape this process has run. */
export function recordedQueryShapes(): QueryShape[] {
  return [...seen.values()];
}

export function shapeOf(spec: QuerySpec): QueryShape {
  const where = spec.where ?? [];
  return {
    collection: spec.collection,
    equality: where.filter(([, op]) => EQUALITY.has(op)).map(([field]) => field),
    arrayContains: where.find(([, op]) => ARRAY.has(op))?.[0] ?? null,
    ranges: [...new Set(where.filter(([, op]) => !EQUALITY.has(op) && !ARRAY.has(op)).map(([f]) => f))],
    orderBy: spec.orderBy ?? [],
  };
}

/** One field of a composite index, as `firestore.indexes.json` writes it. */
export type IndexField =
  { fieldPath: string; order: 'ASCENDING' | 'DESCENDING' } | { fieldPath: string; arrayConfig: 'CONTAINS' };

/**
 * The composite index a query shape needs, or null when Firestore's automatic single-field indexes serve it
 * (one field only, or equality filters alone, which the server merges).
 */
export function requiredIndex(shape: QueryShape): IndexField[] | null {
  const ordered: [string, 'asc' | 'desc'][] = [...shape.orderBy];
  // A range field must be the first ordering; Firestore adds it when the query does not order by it.
  for (const field of shape.ranges) if (!ordered.some(([f]) => f === field)) ordered.unshift([field, 'asc']);
  const equality = [...new Set(shape.equality)].filter((f) => !ordered.some(([o]) => o === f));
  const fields = new Set([...equality, ...ordered.map(([f]) => f), ...(shape.arrayContains ? ['#'] : [])]);
  if (fields.size <= 1) return null;
  if (ordered.length === 0 && !shape.arrayContains) return null;
  return [
    ...equality.sort().map((fieldPath) => ({ fieldPath, order: 'ASCENDING' as const })),
    ...(shape.arrayContains ? [{ fieldPath: shape.arrayContains, arrayConfig: 'CONTAINS' as const }] : []),
    ...ordered.map(([fieldPath, direction]) => ({
      fieldPath,
      order: direction === 'asc' ? ('ASCENDING' as const) : ('DESCENDING' as const),
    })),
  ];
}
