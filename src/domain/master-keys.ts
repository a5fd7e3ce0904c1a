/** A master key of the token vault: wraps the data keys of sealed records. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** Parses `id:base64key,id2:base64key` (first one current); every key must be 32 bytes. */
export function parseKeyList(value: string): MasterKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, b64] = part.split(':');
      if (!id || !b64 || !/^[\w.-]{1,40}$/.test(id))
        throw new Error('each entry must be "<key id>:<base64 key>"');
      const key = Buffer.from(b64, 'base64');
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('no key given');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}
