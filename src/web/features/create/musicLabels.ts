import { BUILTIN_MUSIC_CATALOG } from '../../../api/music.js';

/** A brief's music in words: "No music", "Calm (built-in)", or the library file's name. */
export function musicLabel(choice: string, library: readonly { id: string; filename: string }[]): string {
  if (choice.startsWith('builtin:')) {
    const track = Object.entries(BUILTIN_MUSIC_CATALOG).find(([id]) => choice === `builtin:${id}`);
    return track ? `${track[1].name} (built-in)` : choice;
  }
  if (choice.startsWith('library:')) {
    const file = library.find((asset) => choice === `library:${asset.id}`);
    return file ? `${file.filename} (media library)` : 'An audio file no longer in the media library';
  }
  return 'No music';
}
