export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Used when a palette is empty or holds no valid colour: deep navy, violet, coral, warm yellow. */
export const FALLBACK_PALETTE: readonly Rgb[] = [
  { r: 0x1e, g: 0x1b, b: 0x4b },
  { r: 0x6d, g: 0x28, b: 0xd9 },
  { r: 0xf4, g: 0x72, b: 0x5b },
  { r: 0xfa, g: 0xcc, b: 0x15 },
];

/** Parses "#rrggbb", "rrggbb" or "#rgb"; null for anything else. */
export function parseHexColor(value: string): Rgb | null {
  const hex = value.trim().replace(/^#/, '');
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const n = Number.parseInt(full, 16);
  return { r: (n >> 16) & 0xff, g: (n >> 8) & 0xff, b: n & 0xff };
}

/** The valid colours of a palette, or the fallback palette when none is valid. */
export function paletteColors(palette: readonly string[]): Rgb[] {
  const colors = palette.map(parseHexColor).filter((c): c is Rgb => c !== null);
  return colors.length > 0 ? colors : [...FALLBACK_PALETTE];
}

/** ASS colour syntax: &HAABBGGRR, where alpha 0 is opaque and 255 transparent. */
export function assColor({ r, g, b }: Rgb, alpha = 0): string {
  return `&H${hex2(alpha)}${hex2(b)}${hex2(g)}${hex2(r)}`.toUpperCase();
}

/** ASS colour inside an override tag (\1c&HBBGGRR&): no alpha, closing ampersand. */
export function assTagColor({ r, g, b }: Rgb): string {
  return `&H${hex2(b)}${hex2(g)}${hex2(r)}&`.toUpperCase();
}

/** Mixes two colours; t=0 gives `a`, t=1 gives `b`. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  const m = (x: number, y: number): number => Math.round(x + (y - x) * t);
  return { r: m(a.r, b.r), g: m(a.g, b.g), b: m(a.b, b.b) };
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
