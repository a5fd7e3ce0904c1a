import { BUILTIN_MUSIC_CATALOG } from '../../../api/music.js';

/** The built-in track a choice such as "builtin:calm" names, if it names one. */
export function builtinTrack(choice: string): { name: string; description: string } | undefined {
  return Object.entries(BUILTIN_MUSIC_CATALOG).find(([id]) => choice === `builtin:${id}`)?.[1];
}

/** A brief's music in words: "No music", "Calm (built-in)", or the library file's name. */
export function musicLabel(choice: string, library: readonly { id: string; filename: string }[]): string {
  if (choice.startsWith('builtin:')) {
    const track = builtinTrack(choice);
    return track ? `${track.name} (built-in)` : choice;
  }
  if (choice.startsWith('library:')) {
    const file = library.find((asset) => choice === `library:${asset.id}`);
    return file ? `${file.filename} (media library)` : 'An audio file no longer in the media library';
  }
  return 'No music';
}
