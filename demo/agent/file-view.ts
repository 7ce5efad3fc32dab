// What the console shows of a `file` event (seed 002 "File"): its name as text, a link only to an
// http(s) URL, an inline thumbnail only for png/jpeg/gif (never an SVG, which can carry script),
// and the size in words.
import type { Json } from './agent-client';
import { safeUrl } from './safe-url';

const INLINE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif']);
/** Thumbnails fit in this square (CSS pixels). */
const THUMB_PX = 240;

/** A file event, ready to render. */
export interface FileView {
  name: string;
  /** The file's http(s) URL; absent when the event's URL is anything else. */
  url?: string;
  /** `12 KB`; absent without a usable `size`. */
  size?: string;
  /** A thumbnail to show inline, scaled into {@link THUMB_PX} when the event gives dimensions. */
  image?: { src: string; width?: number; height?: number };
}

/**
 * A byte count in words: `512 B`, `1.5 KB`, `12 KB`, `3.4 MB`.
 * @example
 * formatSize(123444); // '121 KB'
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value < 10 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${unit}`;
}

function scaled(width: unknown, height: unknown): { width?: number; height?: number } {
  if (typeof width !== 'number' || typeof height !== 'number' || !(width > 0) || !(height > 0)) return {};
  const ratio = Math.min(1, THUMB_PX / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * ratio)), height: Math.max(1, Math.round(height * ratio)) };
}

/**
 * The parts of a file event the console renders.
 * @example
 * fileView({ type: 'file', name: 'a.png', url: 'https://x/a.png', content_type: 'image/png', size: 2048, width: 640, height: 480 });
 * // { name: 'a.png', url: 'https://x/a.png', size: '2 KB', image: { src: 'https://x/a.png', width: 240, height: 180 } }
 */
export function fileView(event: Json): FileView {
  const name = typeof event.name === 'string' && event.name.trim() ? event.name : 'file';
  const url = safeUrl(event.url);
  const size = typeof event.size === 'number' && Number.isFinite(event.size) && event.size >= 0 ? formatSize(event.size) : undefined;
  const inline = url && typeof event.content_type === 'string' && INLINE_IMAGES.has(event.content_type.toLowerCase());
  const src = inline ? (safeUrl(event.thumbnail2x_url) ?? safeUrl(event.thumbnail_url) ?? url) : undefined;
  return {
    name,
    ...(url && { url }),
    ...(size && { size }),
    ...(src && { image: { src, ...scaled(event.width, event.height) } }),
  };
}
