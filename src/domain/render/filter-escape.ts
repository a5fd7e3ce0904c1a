/**
 * Escapes a value (a path or a text) for a filter option inside -filter_complex, where two parsers run in turn:
 * the filter's option parser (special: \ ' :) and then, outside it, the graph parser (special: \ ' [ ] , ;).
 */
export function escapeFilterValue(value: string): string {
  const forOption = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return forOption.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** The folder part of a path ("/a/b/c.ttf" → "/a/b"). */
export function dirnameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? (cut === 0 ? path.slice(0, 1) : '.') : path.slice(0, cut);
}
