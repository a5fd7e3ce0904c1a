import { describe, expect, it } from 'vitest';
import { DATA_KINDS } from '../../../src/domain/privacy/data-kinds.js';
import {
  addCounts,
  DELETION_COVERAGE,
  describeCounts,
  isKnownCount,
  nonZero,
} from '../../../src/domain/privacy/deletion.js';
import { successor } from '../../../src/services/privacy/account-deletion.service.js';

describe('what deletion covers', () => {
  it('names, for every kind of personal record the policy lists, the counts that delete it', () => {
    expect(Object.keys(DELETION_COVERAGE).sort()).toEqual(DATA_KINDS.map((k) => k.id).sort());
    for (const [kind, counts] of Object.entries(DELETION_COVERAGE)) {
      expect(counts.length, kind).toBeGreaterThan(0);
      for (const count of counts) expect(isKnownCount(count), `${kind}: ${count}`).toBe(true);
    }
  });

  it('adds and describes counts as numbers only, without the zeros', () => {
    const total = addCounts({ items: 2, users: 1 }, { items: 3, mails: 0 });
    expect(total).toEqual({ items: 5, users: 1, mails: 0 });
    expect(nonZero(total)).toEqual({ items: 5, users: 1 });
    expect(describeCounts(total)).toEqual(['content items: 5', 'accounts: 1']);
    expect(describeCounts({ somethingNew: 2 })).toEqual(['somethingNew: 2']);
  });
});

describe('who takes over a shared workspace', () => {
  const member = (userId: string, role: 'owner' | 'editor' | 'viewer', joinedAt: string) => ({
    id: `m-${userId}`,
    workspaceId: 'w',
    userId,
    role,
    joinedAt,
    email: `${userId}@example.com`,
    name: userId,
  });

  it('is the longest-standing other owner, else the longest-standing member (promoted), else nobody', () => {
    const leaving = member('leaver', 'owner', '2020-01-01T00:00:00Z');
    const early = member('early', 'viewer', '2021-01-01T00:00:00Z');
    const lateOwner = member('late-owner', 'owner', '2023-01-01T00:00:00Z');
    const earlyOwner = member('early-owner', 'owner', '2022-01-01T00:00:00Z');
    expect(successor([leaving, early, lateOwner, earlyOwner], 'leaver')).toEqual({
      member: earlyOwner,
      promoted: false,
    });
    expect(successor([lateOwner, leaving], 'late-owner')).toEqual({ member: leaving, promoted: false });
    expect(successor([leaving, member('b', 'editor', '2024-01-01T00:00:00Z'), early], 'leaver')).toEqual({
      member: early,
      promoted: true,
    });
    expect(successor([leaving], 'leaver')).toBeNull();
  });
});
