import { open } from 'node:fs/promises';

/** The top-level boxes of an MP4/MOV file, in order, and the major brand of its 'ftyp' box. */
export interface Mp4Layout {
  boxes: string[];
  majorBrand: string | null;
}

const MAX_BOXES = 64;

/** Reads only box headers (a few bytes each), so it costs the same for a 3 s and a 3 GB file. */
export async function readMp4Layout(file: string): Promise<Mp4Layout> {
  const handle = await open(file, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    const boxes: string[] = [];
    let majorBrand: string | null = null;
    let offset = 0;
    while (offset + 8 <= fileSize && boxes.length < MAX_BOXES) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      const type = header.toString('latin1', 4, 8);
      if (!/^[\x20-\x7e]{4}$/.test(type)) break;
      let size = header.readUInt32BE(0);
      if (size === 1 && bytesRead >= 16) size = Number(header.readBigUInt64BE(8));
      else if (size === 0) size = fileSize - offset;
      if (size < 8) break;
      if (type === 'ftyp' && bytesRead >= 12) majorBrand = header.toString('latin1', 8, 12);
      boxes.push(type);
      offset += size;
    }
    return { boxes, majorBrand };
  } finally {
    await handle.close();
  }
}

/** True when the 'moov' index comes before the media data, so players (and Instagram) can start at once. */
export function isFaststart(layout: Mp4Layout): boolean {
  const moov = layout.boxes.indexOf('moov');
  const mdat = layout.boxes.indexOf('mdat');
  return moov >= 0 && (mdat < 0 || moov < mdat);
}
