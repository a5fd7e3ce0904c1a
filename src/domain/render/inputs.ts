/**
 * The demuxers for the files the product takes and makes: MP4/MOV/M4A (mov), WebM (matroska), PNG/JPEG/WebP
 * pictures (their pipe demuxers, or image2 when the name has a picture extension), and MP3/AAC/WAV/OGG/FLAC sound.
 * Left out on purpose: playlists that fetch other URLs (hls, dash), concat lists and devices. The renderer draws its
 * generated backgrounds and silence with filter sources, so it needs no lavfi input.
 */
export const ACCEPTED_DEMUXERS = [
  'mov',
  'matroska',
  'png_pipe',
  'jpeg_pipe',
  'webp_pipe',
  'image2',
  'mp3',
  'aac',
  'wav',
  'ogg',
  'flac',
] as const;

/** Options that open the next input as a local file of an accepted container, and nothing else. */
export const INPUT_WHITELIST: readonly string[] = [
  '-protocol_whitelist',
  'file',
  '-format_whitelist',
  ACCEPTED_DEMUXERS.join(','),
];

/** ffmpeg arguments opening `file` as an input under the whitelists (input options such as -ss go before). */
export function mediaInput(file: string): string[] {
  return [...INPUT_WHITELIST, '-i', file];
}

/**
 * True when every `-i` of `args` is preceded (since the previous input) by both whitelists, or reads a filter
 * graph (`-f lavfi`), which opens no file. The runner refuses anything else, so no builder can forget them.
 */
export function inputsAreGuarded(args: readonly string[]): boolean {
  let options: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg !== '-i') {
      options.push(arg);
      continue;
    }
    const value = (flag: string) => {
      const at = options.lastIndexOf(flag);
      return at < 0 ? undefined : options[at + 1];
    };
    const lavfi = value('-f') === 'lavfi';
    const guarded =
      value('-protocol_whitelist') === 'file' && value('-format_whitelist') === INPUT_WHITELIST[3];
    if (!lavfi && !guarded) return false;
    options = [];
    i += 1;
  }
  return true;
}
