import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FACES, fontFaceByName, type FontFace } from '../../domain/render/fonts.js';

const require = createRequire(import.meta.url);

/** Absolute path of a shipped font face's TTF file (inside node_modules). */
export function fontFileOf(face: FontFace): string {
  return join(dirname(require.resolve(`${face.packageName}/package.json`)), face.file);
}

/** The TTF used when a brief names no shipped font: Inter ExtraBold. */
export function defaultFontFile(): string {
  return fontFileOf(FONT_FACES[0] as FontFace);
}

/** The TTF for a brief's font name, falling back to the default face. */
export function fontFileFor(name: string): string {
  return fontFileOf(fontFaceByName(name));
}

export { FONT_NAMES } from '../../domain/render/fonts.js';
