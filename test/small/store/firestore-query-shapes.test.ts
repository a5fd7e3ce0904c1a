import { describe, expect, it } from 'vitest';
import { missingIndexes } from '../../../src/adapters/store/firestore/index-file.js';
import { requiredIndex, shapeOf } from '../../../src/adapters/store/firestore/query-shapes.js';

describe('Firestore query shapes and the composite indexes they need', () => {
  it('needs none for one field, or for equality filters alone (the server merges single-field indexes)', () => {
    expect(requiredIndex(shapeOf({ collection: 'users', where: [['email', '==', 'a@b']] }))).toBeNull();
    expect(
      requiredIndex(
        shapeOf({ collection: 'jobs', where: [['runAfter', '<=', 't']], orderBy: [['runAfter', 'asc']] }),
      ),
    ).toBeNull();
    expect(
      requiredIndex(
        shapeOf({
          collection: 'connections',
          where: [
            ['workspaceId', '==', 'w'],
            ['platform', '==', 'tiktok'],
          ],
        }),
      ),
    ).toBeNull();
  });

  it('puts equality fields by name first, then the array field, then the ordering', () => {
    const shape = shapeOf({
      collection: 'contentItems',
      where: [
        ['workspaceId', '==', 'w'],
        ['status', '==', 'ready'],
        ['terms', 'array-contains', 'cafe'],
      ],
      orderBy: [['id', 'desc']],
    });
    expect(requiredIndex(shape)).toEqual([
      { fieldPath: 'status', order: 'ASCENDING' },
      { fieldPath: 'workspaceId', order: 'ASCENDING' },
      { fieldPath: 'terms', arrayConfig: 'CONTAINS' },
      { fieldPath: 'id', order: 'DESCENDING' },
    ]);
  });

  it('orders by a range field first when the query does not', () => {
    const shape = shapeOf({
      collection: 'statsCalls',
      where: [
        ['platform', '==', 'youtube'],
        ['at', '>=', 't'],
      ],
    });
    expect(requiredIndex(shape)).toEqual([
      { fieldPath: 'platform', order: 'ASCENDING' },
      { fieldPath: 'at', order: 'ASCENDING' },
    ]);
  });

  it('reports a shape whose index the file lacks, and accepts it once listed', () => {
    const shape = shapeOf({
      collection: 'auditEvents',
      where: [['workspaceId', '==', 'w']],
      orderBy: [['at', 'desc']],
    });
    const fields = requiredIndex(shape)!;
    expect(missingIndexes([shape], { indexes: [], fieldOverrides: [] })).toEqual([{ shape, index: fields }]);
    const listed = { collectionGroup: 'auditEvents', queryScope: 'COLLECTION' as const, fields };
    expect(missingIndexes([shape], { indexes: [listed], fieldOverrides: [] })).toEqual([]);
    const elsewhere = { ...listed, collectionGroup: 'sessions' };
    expect(missingIndexes([shape], { indexes: [elsewhere], fieldOverrides: [] })).toHaveLength(1);
  });
});
