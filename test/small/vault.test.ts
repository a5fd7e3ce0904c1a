import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvelopeVault } from '../../src/adapters/crypto/envelope-vault.js';
import {
  addKeyToFile,
  fileKeyRing,
  newMasterKey,
  staticKeyRing,
} from '../../src/adapters/crypto/key-ring.js';
import { parseKeyList } from '../../src/domain/master-keys.js';

const tokens = {
  accessToken: 'act.example-access-token-value',
  refreshToken: 'rft.example-refresh-token-value',
};
const binding = { recordId: 'conn1', workspaceId: 'ws1' };
const open = (vault: EnvelopeVault, b = binding, sealed: Parameters<EnvelopeVault['use']>[1]) =>
  vault.use(b, sealed, async (t) => t);

describe('envelope vault', () => {
  it('seals with a fresh data key per record and opens only for the same record and workspace', async () => {
    const vault = new EnvelopeVault(staticKeyRing([newMasterKey()]));
    const a = await vault.seal(binding, tokens);
    const b = await vault.seal(binding, tokens);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(JSON.stringify(a)).not.toContain('example-access-token');
    expect(await open(vault, binding, a)).toEqual(tokens);
    await expect(open(vault, { ...binding, workspaceId: 'ws2' }, a)).rejects.toMatchObject({
      code: 'vault_auth_failed',
    });
    await expect(open(vault, { ...binding, recordId: 'conn2' }, a)).rejects.toMatchObject({
      code: 'vault_auth_failed',
    });
    const tampered = {
      ...a,
      ciphertext: a.ciphertext.slice(0, -2) + (a.ciphertext.endsWith('A') ? 'BA' : 'AA'),
    };
    await expect(open(vault, binding, tampered)).rejects.toMatchObject({ code: 'vault_auth_failed' });
  });

  it('refuses a sealed value whose GCM tag was truncated (authTagLength pinned to 16)', async () => {
    const vault = new EnvelopeVault(staticKeyRing([newMasterKey()]));
    const sealed = await vault.seal(binding, tokens);
    // v1.iv.tag.ct: keep the tag's first 12 (or 4) bytes, which GCM would accept were the length not pinned.
    const truncate = (value: string, bytes: number) => {
      const [version, iv, tag, ct] = value.split('.');
      const short = Buffer.from(tag ?? '', 'base64url')
        .subarray(0, bytes)
        .toString('base64url');
      return [version, iv, short, ct].join('.');
    };
    for (const bytes of [12, 4]) {
      await expect(
        open(vault, binding, { ...sealed, ciphertext: truncate(sealed.ciphertext, bytes) }),
      ).rejects.toMatchObject({ code: 'vault_auth_failed' });
      await expect(
        open(vault, binding, { ...sealed, wrappedKey: truncate(sealed.wrappedKey, bytes) }),
      ).rejects.toMatchObject({ code: 'vault_auth_failed' });
    }
  });

  it('re-wraps under a new master key without touching the ciphertext, and keeps old keys readable', async () => {
    const oldKey = newMasterKey();
    const sealed = await new EnvelopeVault(staticKeyRing([oldKey])).seal(binding, tokens);
    const newKey = newMasterKey();
    const rotated = new EnvelopeVault(staticKeyRing([newKey, oldKey]));
    expect(await open(rotated, binding, sealed)).toEqual(tokens);
    const rewrapped = await rotated.rewrap(binding, sealed);
    expect(rewrapped?.keyId).toBe(newKey.id);
    expect(rewrapped?.ciphertext).toBe(sealed.ciphertext);
    expect(await rotated.rewrap(binding, rewrapped!)).toBeNull();
    expect(await open(new EnvelopeVault(staticKeyRing([newKey])), binding, rewrapped!)).toEqual(tokens);
    await expect(open(new EnvelopeVault(staticKeyRing([newKey])), binding, sealed)).rejects.toMatchObject({
      code: 'vault_key_missing',
    });
  });

  it('parses TOKEN_ENCRYPTION_KEYS and refuses bad keys', () => {
    const k = Buffer.alloc(32, 7).toString('base64');
    expect(parseKeyList(`new:${k}, old:${k}`).map((x) => x.id)).toEqual(['new', 'old']);
    expect(() => parseKeyList('nokey')).toThrow(/id/);
    expect(() => parseKeyList(`a:${Buffer.alloc(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() => parseKeyList(`a:${k},a:${k}`)).toThrow(/unique/);
  });

  it('creates a 0600 key file on first use and follows a rotation made by another process', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'aif-keys-')), 'keys', 'token-keys.json');
    const ring = fileKeyRing(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const first = ring.current().id;
    const vault = new EnvelopeVault(ring);
    const sealed = await vault.seal(binding, tokens);
    await new Promise((r) => setTimeout(r, 15));
    const added = addKeyToFile(file);
    expect(ring.current().id).toBe(added.id);
    expect(ring.current().id).not.toBe(first);
    expect(await open(vault, binding, sealed)).toEqual(tokens);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { keys: unknown[] }).keys).toHaveLength(2);
  });
});
