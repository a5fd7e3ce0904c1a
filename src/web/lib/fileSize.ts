const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Why a file cannot be sent at all, checked before upload so nobody waits for a certain refusal. */
export function sizeProblem(filename: string, sizeBytes: number, maxBytes: number): string | null {
  if (sizeBytes === 0) return `${filename} is empty.`;
  if (sizeBytes > maxBytes) {
    return `${filename} is ${formatBytes(sizeBytes)}; files up to ${formatBytes(maxBytes)} can be uploaded.`;
  }
  return null;
}
