/**
 * Just enough container parsing to run TikTok's media checks (§1.6) on uploaded bytes:
 * container sniffing for MP4 / MOV / WebM, and duration, frame size and frame rate from an MP4 `moov`.
 */
export interface MediaProbe {
  container: 'mp4' | 'mov' | 'webm' | 'unknown';
  durationSec?: number;
  width?: number;
  height?: number;
  fps?: number;
}

/** The bytes the sandbox keeps of an upload: its start and its end (the `moov` box sits at one of them). */
export interface ByteWindows {
  head: Buffer;
  tail: Buffer;
  total: number;
}

interface Box {
  type: string;
  start: number; // first content byte
  end: number; // one past the last byte
}

const QUICKTIME_FIRST_BOXES = new Set(['moov', 'mdat', 'wide', 'free', 'skip']);

function slice(w: ByteWindows, offset: number, length: number): Buffer | null {
  if (offset >= 0 && offset + length <= w.head.length) return w.head.subarray(offset, offset + length);
  const tailStart = w.total - w.tail.length;
  if (offset >= tailStart && offset + length <= w.total)
    return w.tail.subarray(offset - tailStart, offset - tailStart + length);
  return null;
}

/** Decodes the box header at `offset` of `buf`; a box ends at `limit` at the latest. */
function readBoxHeader(buf: Buffer, offset: number, limit: number): Box | null {
  if (offset + 8 > buf.length) return null;
  const size32 = buf.readUInt32BE(offset);
  const type = buf.toString('latin1', offset + 4, offset + 8);
  let headerLength = 8;
  let size = size32;
  if (size32 === 1) {
    if (offset + 16 > buf.length) return null;
    size = Number(buf.readBigUInt64BE(offset + 8));
    headerLength = 16;
  } else if (size32 === 0) {
    size = limit - offset;
  }
  if (size < headerLength || offset + size > limit) return null;
  return { type, start: offset + headerLength, end: offset + size };
}

function children(buf: Buffer, parent: Box): Box[] {
  const boxes: Box[] = [];
  for (let at = parent.start; at < parent.end;) {
    const box = readBoxHeader(buf, at, parent.end);
    if (!box) break;
    boxes.push(box);
    at = box.end;
  }
  return boxes;
}

function child(buf: Buffer, parent: Box | undefined, type: string): Box | undefined {
  return parent ? children(buf, parent).find((b) => b.type === type) : undefined;
}

/** Timescale and duration of an mvhd or mdhd box (versions 0 and 1). */
function timing(buf: Buffer, box: Box | undefined): { timescale: number; duration: number } | null {
  if (!box || box.end - box.start < 24) return null;
  const version = buf.readUInt8(box.start);
  if (version === 1) {
    if (box.end - box.start < 32) return null;
    return {
      timescale: buf.readUInt32BE(box.start + 20),
      duration: Number(buf.readBigUInt64BE(box.start + 24)),
    };
  }
  return { timescale: buf.readUInt32BE(box.start + 12), duration: buf.readUInt32BE(box.start + 16) };
}

function isVideoTrack(buf: Buffer, trak: Box): boolean {
  const hdlr = child(buf, child(buf, trak, 'mdia'), 'hdlr');
  return (
    !!hdlr &&
    hdlr.end - hdlr.start >= 12 &&
    buf.toString('latin1', hdlr.start + 8, hdlr.start + 12) === 'vide'
  );
}

function frameRate(buf: Buffer, trak: Box): number | undefined {
  const mdia = child(buf, trak, 'mdia');
  const media = timing(buf, child(buf, mdia, 'mdhd'));
  const stts = child(buf, child(buf, child(buf, mdia, 'minf'), 'stbl'), 'stts');
  if (!media || !stts || media.timescale === 0 || stts.end - stts.start < 8) return undefined;
  const entries = buf.readUInt32BE(stts.start + 4);
  let samples = 0;
  let ticks = 0;
  for (let i = 0; i < entries && stts.start + 16 + i * 8 <= stts.end; i++) {
    const count = buf.readUInt32BE(stts.start + 8 + i * 8);
    samples += count;
    ticks += count * buf.readUInt32BE(stts.start + 12 + i * 8);
  }
  return ticks > 0 ? (samples * media.timescale) / ticks : undefined;
}

function probeMoov(buf: Buffer, container: 'mp4' | 'mov'): MediaProbe {
  const moov: Box = { type: 'moov', start: 0, end: buf.length };
  const probe: MediaProbe = { container };
  const movie = timing(buf, child(buf, moov, 'mvhd'));
  if (movie && movie.timescale > 0) probe.durationSec = movie.duration / movie.timescale;
  const video = children(buf, moov).find((b) => b.type === 'trak' && isVideoTrack(buf, b));
  if (!video) return probe;
  const tkhd = child(buf, video, 'tkhd');
  if (tkhd && tkhd.end - tkhd.start >= 8) {
    probe.width = Math.round(buf.readUInt32BE(tkhd.end - 8) / 65536);
    probe.height = Math.round(buf.readUInt32BE(tkhd.end - 4) / 65536);
  }
  const fps = frameRate(buf, video);
  if (fps !== undefined) probe.fps = fps;
  return probe;
}

/** Identifies the container and, for MP4/MOV whose `moov` is within the kept bytes, its video properties. */
export function probeMedia(w: ByteWindows): MediaProbe {
  const magic = slice(w, 0, 4);
  if (magic?.equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return { container: 'webm' };
  let container: 'mp4' | 'mov' | null = null;
  for (let offset = 0; offset + 8 <= w.total;) {
    const header = slice(w, offset, 16) ?? slice(w, offset, 8);
    // Box offsets are relative to `offset` here; the limit is what remains of the file.
    const box = header && readBoxHeader(header, 0, w.total - offset);
    if (!box) break;
    if (offset === 0) {
      if (box.type === 'ftyp') container = header.toString('latin1', 8, 12) === 'qt  ' ? 'mov' : 'mp4';
      else if (QUICKTIME_FIRST_BOXES.has(box.type)) container = 'mov';
      else break;
    }
    if (box.type === 'moov' && container) {
      const whole = slice(w, offset, box.end);
      return whole ? probeMoov(whole.subarray(box.start), container) : { container };
    }
    offset += box.end;
  }
  return { container: container ?? 'unknown' };
}

/** The §1.6 check a file fails first, as a status `fail_reason`; null when it passes. */
export function mediaFailReason(probe: MediaProbe, maxDurationSec: number): string | null {
  if (probe.container === 'unknown') return 'file_format_check_failed';
  const { durationSec, fps, width, height } = probe;
  if (durationSec !== undefined && (durationSec < 3 || durationSec > maxDurationSec))
    return 'duration_check_failed';
  if (fps !== undefined && (fps < 23 || fps > 60)) return 'frame_rate_check_failed';
  const sides = [width, height].filter((v): v is number => v !== undefined);
  if (sides.some((side) => side < 360 || side > 4096)) return 'picture_size_check_failed';
  return null;
}
