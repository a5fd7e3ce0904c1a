import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MasterKey } from '../../domain/master-keys.js';

/** Where master keys come from: a fixed list (TOKEN_ENCRYPTION_KEYS) or the embedded default's key file. */
export interface KeyRing {
  current(): MasterKey;
  /** The key with this id; a file-backed ring re-reads its file once on a miss (a rotation by another process). */
  get(id: string): MasterKey | undefined;
}

/** A ring over a fixed list. */
export function staticKeyRing(keys: MasterKey[]): KeyRing {
  const [current] = keys;
  if (!current) throw new Error('no key given');
  return { current: () => current, get: (id) => keys.find((k) => k.id === id) };
}

interface KeyFile {
  keys: { id: string; key: string }[];
}

/**
 * A ring backed by a 0600 JSON file, created with one fresh key on first start. It follows the file: a rotation
 * run by another process (a new current key) is picked up at the next use, without a restart.
 */
export function fileKeyRing(file: string): KeyRing {
  if (!existsSync(file)) writeKeyFile(file, [newMasterKey()]);
  let keys = readKeyFile(file);
  let seen = statSync(file).mtimeMs;
  const fresh = (): MasterKey[] => {
    const mtime = statSync(file).mtimeMs;
    if (mtime !== seen) {
      keys = readKeyFile(file);
      seen = mtime;
    }
    return keys;
  };
  return {
    current: () => fresh()[0]!,
    get: (id) => fresh().find((k) => k.id === id),
  };
}

/** Puts a fresh key in front of the file's keys (it becomes current); old keys stay for reading. */
export function addKeyToFile(file: string): MasterKey {
  const key = newMasterKey();
  writeKeyFile(file, [key, ...readKeyFile(file)]);
  return key;
}

/** Drops the keys no sealed record uses any more (the current key always stays). */
export function pruneKeyFile(file: string, inUse: Set<string>): string[] {
  const keys = readKeyFile(file);
  const kept = keys.filter((k, i) => i === 0 || inUse.has(k.id));
  writeKeyFile(file, kept);
  return keys.filter((k) => !kept.includes(k)).map((k) => k.id);
}

export function newMasterKey(): MasterKey {
  return { id: `k${Date.now().toString(36)}${randomBytes(3).toString('hex')}`, key: randomBytes(32) };
}

function readKeyFile(file: string): MasterKey[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  return parsed.keys.map((k) => ({ id: k.id, key: Buffer.from(k.key, 'base64') }));
}

// Write then rename, so a reader never sees half a file; the file is readable by its owner only.
function writeKeyFile(file: string, keys: MasterKey[]): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const body: KeyFile = { keys: keys.map((k) => ({ id: k.id, key: k.key.toString('base64') })) };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(body, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
