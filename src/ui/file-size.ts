/** A file's size as people read it: `980 B`, `1.5 KB`, `12 MB`; empty for what is not a size. */
export function fileSize(bytes: unknown): string {
  if (typeof bytes !== 'number' || !(bytes >= 0)) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  for (; n >= 1024 && i < units.length - 1; i++) n /= 1024;
  return `${i && n < 10 ? n.toFixed(1) : Math.round(n)} ${units[i]}`;
}
