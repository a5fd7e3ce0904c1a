import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltinMusicTrack } from '../../domain/content.js';
import { BUILTIN_BEDS, builtinTrackKey, encodeWav, renderBed } from '../../domain/music/index.js';
import type { MediaStore } from '../../ports/media-store.js';

/**
 * The built-in tracks as WAV files in the media store: synthesised on first use (a few hundred ms), then reused.
 * Two renders asking at once may both write it; the store's put replaces the file whole, so either copy is fine.
 */
export function builtinMusicFiles(store: MediaStore): (track: BuiltinMusicTrack) => Promise<string> {
  return async (track) => {
    const key = builtinTrackKey(track);
    if (await store.exists(key)) return key;
    const scratch = await store.scratch();
    try {
      const path = join(scratch.dir, `${track}.wav`);
      await writeFile(path, encodeWav(renderBed(BUILTIN_BEDS[track])));
      await store.put(key, path);
      return key;
    } finally {
      await scratch.cleanup();
    }
  };
}
