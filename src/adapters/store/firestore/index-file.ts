import { readFileSync } from 'node:fs';
import { requiredIndex, type IndexField, type QueryShape } from './query-shapes.js';

/** `firestore.indexes.json`, as `gcloud firestore indexes composite create` and the Firebase CLI read it. */
export interface IndexFile {
  indexes: { collectionGroup: string; queryScope: 'COLLECTION' | 'COLLECTION_GROUP'; fields: IndexField[] }[];
  fieldOverrides: unknown[];
}

export function readIndexFile(path: string): IndexFile {
  return JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
}

/**
 * Index fields are compared in the canonical order `requiredIndex` writes (equality fields by name, then the
 * array-contains field, then the ordered fields), so the file is kept in that order too.
 */
function sameIndex(a: IndexField[], b: IndexField[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The query shapes whose composite index the file does not list, with the index each needs. */
export function missingIndexes(
  shapes: QueryShape[],
  file: IndexFile,
): { shape: QueryShape; index: IndexField[] }[] {
  return shapes.flatMap((shape) => {
    const index = requiredIndex(shape);
    if (!index) return [];
    const listed = file.indexes.some(
      (entry) =>
        entry.collectionGroup === shape.collection &&
        entry.queryScope === 'COLLECTION' &&
        sameIndex(entry.fields, index),
    );
    return listed ? [] : [{ shape, index }];
  });
}
