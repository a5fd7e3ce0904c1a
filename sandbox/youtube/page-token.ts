/**
 * Page tokens shaped like YouTube's list tokens (`EAAaBlBUOkNBVQ` is the page at offset 5): a small protobuf
 * holding "PT:" and the base64 of a varint offset. Like the real ones they count positions, so a list that
 * gains items between two calls shifts under the reader.
 */
export function pageTokenAt(offset: number): string {
  const inner = unpadded(Buffer.from([0x08, ...varint(offset)]));
  const text = Buffer.from(`PT:${inner}`, 'latin1');
  return unpadded(Buffer.from([0x10, 0x00, 0x1a, text.length, ...text]));
}

/** The offset a page token stands for; null for anything this list never issued. */
export function offsetOfPageToken(token: string): number | null {
  const outer = Buffer.from(token, 'base64');
  if (outer.length < 5 || outer[0] !== 0x10 || outer[2] !== 0x1a || outer[3] !== outer.length - 4)
    return null;
  const text = outer.subarray(4).toString('latin1');
  if (!text.startsWith('PT:')) return null;
  const inner = Buffer.from(text.slice(3), 'base64');
  if (inner[0] !== 0x08) return null;
  const offset = readVarint(inner.subarray(1));
  return offset !== null && pageTokenAt(offset) === token ? offset : null;
}

function unpadded(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low + 128 : low);
  } while (rest > 0);
  return bytes;
}

function readVarint(bytes: Buffer): number | null {
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte % 128) * scale;
    if (byte < 128) return value;
    scale *= 128;
  }
  return null;
}
