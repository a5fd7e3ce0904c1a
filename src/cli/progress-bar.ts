/** A one-line text progress bar, e.g. `render   [██████░░░░░░░░░░░░░░]  30%`. */
export function progressBar(label: string, fraction: number, width = 24): string {
  const f = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  const filled = Math.round(f * width);
  return `${label.padEnd(10)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`;
}
