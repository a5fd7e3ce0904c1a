import { createWriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { ArchivedFile, Archiver, ZipWriter } from '../../ports/archive.js';

/** ZIP files written with yazl: entries are streamed from disk into the file as it is written. */
export class YazlArchiver implements Archiver {
  create(path: string): ZipWriter {
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(path, { mode: 0o600 }));
    // A failed write would otherwise go unnoticed until finish(); keep it for then.
    written.catch(() => undefined);
    return {
      addText: (name, text) => zip.addBuffer(Buffer.from(text, 'utf8'), name),
      addFolder: async (prefix, folder) => {
        const files: ArchivedFile[] = [];
        for (const relative of await listFiles(folder)) {
          const info = await stat(join(folder, relative));
          const name = `${prefix}${relative}`;
          zip.addFile(join(folder, relative), name);
          files.push({ name, sizeBytes: info.size });
        }
        return files;
      },
      finish: async () => {
        zip.end();
        await written;
        return (await stat(path)).size;
      },
    };
  }
}

/** Paths of every regular file under `folder`, relative with `/`, sorted; none when the folder does not exist. */
async function listFiles(folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(folder.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}
