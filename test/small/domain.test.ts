import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { newId } from '../../src/domain/ids.js';
import { assertStrongPassword } from '../../src/domain/password-policy.js';
import { can } from '../../src/domain/roles.js';
import { decodeCursor, encodeCursor } from '../../src/adapters/store/sqlite/cursor.js';

describe('password policy', () => {
  it.each([
    ['short1', 'Use at least 10 characters'],
    ['1234567890', 'too easy'],
    ['abababababab', 'too easy'],
    ['my-maryjane-2026', 'must not contain your email'],
  ])('rejects %s', (password, reason) => {
    expect(() => assertStrongPassword(password, 'maryjane@example.com')).toThrow(reason);
  });

  it('accepts a long passphrase', () => {
    expect(() => assertStrongPassword('correct horse battery staple', 'mj@example.com')).not.toThrow();
  });

  it('raises a weak_password user error', () => {
    try {
      assertStrongPassword('x', 'a@b.co');
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect(e).toMatchObject({ kind: 'validation', code: 'weak_password' });
    }
    expect.assertions(2);
  });
});

describe('roles', () => {
  it('lets only owners manage members, and everyone see them', () => {
    expect(can('owner', 'members.manage')).toBe(true);
    expect(['editor', 'reviewer', 'viewer'].map((r) => can(r as 'editor', 'members.manage'))).toEqual([
      false,
      false,
      false,
    ]);
    expect(can('viewer', 'members.view')).toBe(true);
  });
});

describe('ids and cursors', () => {
  it('makes ids that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });

  it('round-trips a cursor and rejects a forged one', () => {
    const id = newId();
    expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(decodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor(encodeCursor("x' OR 1=1"))).toThrow(UserError);
  });
});
