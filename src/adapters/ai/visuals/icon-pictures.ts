import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { icons } from '@iconify-json/fluent-emoji-flat';
import { getIconData, iconToSVG } from '@iconify/utils';
import { Resvg } from '@resvg/resvg-js';
import type { MediaStore } from '../../../ports/media-store.js';

/** The bundled icon set: Microsoft's Fluent Emoji (flat), MIT licence, as packaged by Iconify. */
export const ICON_SET = {
  prefix: icons.prefix,
  // The set's own stamp: a new release of the package gives new keys, so old pictures are never reused by mistake.
  edition: String(icons.lastModified ?? 0),
  credit: 'Fluent Emoji Flat © Microsoft Corporation (MIT)',
} as const;

/** Every icon name of the set (aliases included), e.g. "octopus", "mobile-phone". */
export function iconNames(): string[] {
  return [...Object.keys(icons.icons), ...Object.keys(icons.aliases ?? {})];
}

// A soft shadow under the picture keeps it readable on any background; drawn inside a padded view box.
const SHADOW_PAD = 2;

/** The icon as a standalone SVG with a soft shadow, or null when the set has no such icon. */
export function iconSvg(name: string): string | null {
  const data = getIconData(icons, name);
  if (!data) return null;
  const { attributes, body } = iconToSVG(data);
  const [x = 0, y = 0, w = 32, h = 32] = attributes.viewBox.split(' ').map(Number);
  const viewBox = [x - SHADOW_PAD, y - SHADOW_PAD, w + 2 * SHADOW_PAD, h + 2 * SHADOW_PAD].join(' ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}">` +
    '<defs><filter id="aif-shadow" x="-20%" y="-20%" width="140%" height="140%">' +
    '<feDropShadow dx="0" dy="0.6" stdDeviation="0.7" flood-color="#000" flood-opacity="0.35"/></filter></defs>' +
    `<g filter="url(#aif-shadow)">${body}</g></svg>`
  );
}

/** The icon drawn as a transparent PNG `px` pixels square, or null when the set has no such icon. */
export function rasterizeIcon(name: string, px: number): Buffer | null {
  const svg = iconSvg(name);
  if (!svg) return null;
  return new Resvg(svg, { fitTo: { mode: 'width', value: px }, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng();
}

/** The media key of an icon's picture at a size (shared by all workspaces: the pictures are the set's, not theirs). */
export function iconPictureKey(name: string, px: number): string {
  return `builtin/illustrations/${ICON_SET.prefix}-${ICON_SET.edition}/${name}-${px}.png`;
}

/**
 * The icon's picture in the media store, drawn on first use (a few milliseconds) and reused after. Two jobs asking at
 * once may both draw it; the store's put replaces the file whole, so either copy is fine. Null for an unknown icon.
 */
export async function storedIconPicture(store: MediaStore, name: string, px: number): Promise<string | null> {
  const key = iconPictureKey(name, px);
  if (await store.exists(key)) return key;
  const png = rasterizeIcon(name, px);
  if (!png) return null;
  const scratch = await store.scratch();
  try {
    const path = join(scratch.dir, `${name}-${px}.png`);
    await writeFile(path, png);
    await store.put(key, path);
    return key;
  } finally {
    await scratch.cleanup();
  }
}
