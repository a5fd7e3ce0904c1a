import type { VisualSource } from './content.js';

/** The media files a visual source shows, in the order the renderer opens them (none for a generated background). */
export function mediaKeysOf(source: VisualSource): string[] {
  switch (source.kind) {
    case 'generated':
      return [];
    case 'asset':
    case 'stock':
      return [source.mediaKey];
    case 'illustration':
      return source.icons.map((icon) => icon.mediaKey);
  }
}

/** The one uploaded or stock file a source shows, or null (generated backgrounds and illustrations have none). */
export function singleMediaKeyOf(source: VisualSource | null | undefined): string | null {
  return source && (source.kind === 'asset' || source.kind === 'stock') ? source.mediaKey : null;
}
