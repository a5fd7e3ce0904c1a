import { inspectMp4, type Mp4Inspection } from './mp4.js';

// `moov` holds only the sample tables (a few MB even for long videos); anything larger is not a usable Reel.
const MAX_KEPT_BOX_BYTES = 64 * 1024 * 1024;

/**
 * Walks the top-level boxes of an MP4 as its bytes arrive, keeping only `ftyp` and `moov` (the media data is
 * counted and dropped), so checking a large video takes a few MB of memory, not its size.
 */
export class Mp4StreamScanner {
  /** Bytes seen so far. */
  bytes = 0;
  private header = Buffer.alloc(0);
  /** Payload bytes left in the current box; Infinity for a box that runs to the end of the file. */
  private left = 0;
  private keeping: Buffer[] | null = null;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private boxes = 0;
  private sawMdat = false;
  private verdict: string | null = null;

  constructor(private readonly requireMoovFirst: boolean) {}

  /** False once the file is known to be unusable (no need to read further). */
  get stillReading(): boolean {
    return this.verdict === null;
  }

  /** Feeds the next chunk of the file. */
  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let at = 0;
    while (at < chunk.length && this.verdict === null) {
      if (this.left > 0) {
        const take = Math.min(this.left, chunk.length - at);
        if (this.keeping) {
          this.keeping.push(chunk.subarray(at, at + take));
          this.keptBytes += take;
          if (this.keptBytes > MAX_KEPT_BOX_BYTES) this.refuse('moov box too large');
        }
        this.left -= take;
        at += take;
        if (this.left === 0) this.closeBox();
        continue;
      }
      // 8 header bytes, or 16 when the 32-bit size is 1 (a 64-bit size follows the type).
      const large = this.header.length >= 8 && this.header.readUInt32BE(0) === 1;
      const need = (large ? 16 : 8) - this.header.length;
      const take = Math.min(need, chunk.length - at);
      this.header = Buffer.concat([this.header, chunk.subarray(at, at + take)]);
      at += take;
      if (take < need) break;
      if (this.header.length === 8 && this.header.readUInt32BE(0) === 1) continue;
      this.openBox();
    }
  }

  /** The verdict once the whole file was read. */
  finish(): Mp4Inspection {
    if (this.verdict !== null) return { ok: false, reason: this.verdict };
    if (this.boxes === 0) return { ok: false, reason: 'not an MP4/MOV file (no ftyp box)' };
    if (this.header.length > 0 || (this.left > 0 && this.left !== Infinity)) {
      return { ok: false, reason: 'truncated or malformed box' };
    }
    if (this.left === Infinity) this.closeBox();
    return inspectMp4(Buffer.concat(this.kept), false);
  }

  private openBox(): void {
    const header = this.header;
    this.header = Buffer.alloc(0);
    const type = header.toString('latin1', 4, 8);
    const size32 = header.readUInt32BE(0);
    const size = size32 === 1 ? Number(header.readBigUInt64BE(8)) : size32;
    this.boxes += 1;
    if (this.boxes === 1 && type !== 'ftyp') return this.refuse('not an MP4/MOV file (no ftyp box)');
    if (size !== 0 && size < header.length) return this.refuse('truncated or malformed box');
    if (type === 'mdat') this.sawMdat = true;
    if (type === 'moov' && this.sawMdat && this.requireMoovFirst) {
      return this.refuse('moov atom after mdat (not faststart)');
    }
    const keep = type === 'ftyp' || type === 'moov';
    if (keep && size > MAX_KEPT_BOX_BYTES) return this.refuse(`${type} box too large`);
    this.keeping = keep ? [header] : null;
    this.left = size === 0 ? Infinity : size - header.length;
    if (this.left === 0) this.closeBox();
  }

  private closeBox(): void {
    if (this.keeping) this.kept.push(Buffer.concat(this.keeping));
    this.keeping = null;
    this.left = 0;
  }

  private refuse(reason: string): void {
    this.verdict = reason;
  }
}
