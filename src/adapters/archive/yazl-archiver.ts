import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Archiver, ZipWriter } from '../../ports/archive.js';

/** ZIP files written with yazl: entries are streamed from disk into the file as it is written. */
export class YazlArchiver implements Archiver {
  create(path: string): ZipWriter {
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(path, { mode: 0o600 }));
    // A failed write would otherwise go unnoticed until finish(); keep it for then.
    written.catch(() => undefined);
    return {
      addText: (name, text) => zip.addBuffer(Buffer.from(text, 'utf8'), name),
      addFile: async (name, path) => {
        const info = await stat(path);
        zip.addFile(path, name);
        return { name, sizeBytes: info.size };
      },
      finish: async () => {
        zip.end();
        await written;
        return (await stat(path)).size;
      },
    };
  }
}
