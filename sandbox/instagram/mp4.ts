/** What the sandbox learns from a fetched MP4/MOV file. */
export type Mp4Inspection = { ok: true; durationMs: number } | { ok: false; reason: string };

interface Box {
  type: string;
  start: number;
  /** Offset of the payload (after the 8- or 16-byte header). */
  payload: number;
  end: number;
}

/** Reads the box header at `offset`, or null when it is truncated or malformed. */
function readBox(buffer: Buffer, offset: number, limit: number): Box | null {
  if (offset + 8 > limit) return null;
  let size = buffer.readUInt32BE(offset);
  const type = buffer.toString('latin1', offset + 4, offset + 8);
  let payload = offset + 8;
  if (size === 1) {
    if (offset + 16 > limit) return null;
    size = Number(buffer.readBigUInt64BE(offset + 8));
    payload = offset + 16;
  } else if (size === 0) {
    size = limit - offset;
  }
  if (size < payload - offset) return null;
  return { type, start: offset, payload, end: offset + size };
}

/** Duration from an `mvhd` box (version 0: 32-bit fields; version 1: 64-bit). */
function mvhdDurationMs(buffer: Buffer, box: Box): number | null {
  const version = buffer.readUInt8(box.payload);
  const timescaleAt = box.payload + (version === 1 ? 20 : 12);
  const durationEnd = timescaleAt + 4 + (version === 1 ? 8 : 4);
  if (durationEnd > box.end || durationEnd > buffer.length) return null;
  const timescale = buffer.readUInt32BE(timescaleAt);
  const duration =
    version === 1 ? Number(buffer.readBigUInt64BE(timescaleAt + 4)) : buffer.readUInt32BE(timescaleAt + 4);
  return timescale > 0 ? Math.round((duration / timescale) * 1000) : null;
}

/**
 * Walks the top-level boxes of an ISO-BMFF (MP4/MOV) file: `ftyp` first, then a `moov` holding `mvhd`.
 * With `requireMoovFirst`, a `mdat` before `moov` (no "faststart") is refused, as Reels requires.
 */
export function inspectMp4(buffer: Buffer, requireMoovFirst: boolean): Mp4Inspection {
  const first = readBox(buffer, 0, buffer.length);
  if (!first || first.type !== 'ftyp') return { ok: false, reason: 'not an MP4/MOV file (no ftyp box)' };
  let offset = first.end;
  let sawMdat = false;
  while (offset < buffer.length) {
    const box = readBox(buffer, offset, buffer.length);
    if (!box || box.end > buffer.length) return { ok: false, reason: 'truncated or malformed box' };
    if (box.type === 'mdat') sawMdat = true;
    if (box.type === 'moov') {
      if (sawMdat && requireMoovFirst) return { ok: false, reason: 'moov atom after mdat (not faststart)' };
      for (let child = box.payload; child < box.end;) {
        const inner = readBox(buffer, child, box.end);
        if (!inner) break;
        if (inner.type === 'mvhd') {
          const durationMs = mvhdDurationMs(buffer, inner);
          return durationMs === null ? { ok: false, reason: 'unreadable mvhd' } : { ok: true, durationMs };
        }
        child = inner.end;
      }
      return { ok: false, reason: 'moov without mvhd' };
    }
    offset = box.end;
  }
  return { ok: false, reason: 'no moov box' };
}
