/** A font face shipped inside an npm package, with the family name libass looks it up by. */
export interface FontFace {
  /** The name a brief uses (Brief.font). */
  name: string;
  /** The npm package holding the file, and the file's path inside it. */
  packageName: string;
  file: string;
  /** Family name inside the file, used as the ASS Fontname. */
  assFamily: string;
}

// Bold faces: captions on a busy background need weight to stay legible.
export const FONT_FACES: readonly FontFace[] = [
  {
    name: 'Inter',
    packageName: '@expo-google-fonts/inter',
    file: '800ExtraBold/Inter_800ExtraBold.ttf',
    assFamily: 'Inter ExtraBold',
  },
  {
    name: 'DejaVu Sans',
    packageName: 'dejavu-fonts-ttf',
    file: 'ttf/DejaVuSans-Bold.ttf',
    assFamily: 'DejaVu Sans',
  },
];

/** The font names a brief may ask for. */
export const FONT_NAMES: readonly string[] = FONT_FACES.map((f) => f.name);

/** The shipped face for a brief's font name (case-insensitive), or the first (default) face. */
export function fontFaceByName(name: string): FontFace {
  const wanted = name.trim().toLowerCase();
  return FONT_FACES.find((f) => f.name.toLowerCase() === wanted) ?? (FONT_FACES[0] as FontFace);
}

/** The ASS family name for a font file: a shipped face's, else the file name without extension. */
export function assFamilyForFile(fontFile: string): string {
  const base = fontFile.split(/[\\/]/).pop() ?? fontFile;
  const shipped = FONT_FACES.find((f) => f.file.endsWith(`/${base}`));
  return shipped?.assFamily ?? base.replace(/\.[^.]+$/, '');
}
