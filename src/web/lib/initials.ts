/** Up to two capital letters standing for a person or account name, e.g. "Ada Lovelace" → "AL"; "?" when there are none. */
export function initials(name: string): string {
  const letters = name
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '');
  return letters.join('') || '?';
}
