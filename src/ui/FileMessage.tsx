import css from '../../styles/file.css';
import { useContext } from 'preact/hooks';
import type { FileEvent } from '../protocol/types';
import { Icon } from './Icon';
import { safeUrl } from './safe-url';
import { fmt, StringsContext } from './strings';
import { partStyles } from './part-styles';

partStyles(css);

const IMAGE = /^image\/(png|jpe?g|gif|webp)$/i;

function size(bytes: unknown): string {
  if (typeof bytes !== 'number' || !(bytes >= 0)) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  for (; n >= 1024 && i < units.length - 1; i++) n /= 1024;
  return `${i && n < 10 ? n.toFixed(1) : Math.round(n)} ${units[i]}`;
}

/**
 * A file event: an image thumbnail linking to the full image, or a download link with the file's
 * name and size. A file whose URL is not http(s) shows its name only.
 */
export function FileMessage({ event }: { event: FileEvent }) {
  const t = useContext(StringsContext);
  const url = safeUrl(event.url);
  const name = String(event.name || 'file');
  const thumb = safeUrl(event.thumbnail_url) ?? url;
  const thumb2x = safeUrl(event.thumbnail2x_url);
  if (url && thumb && IMAGE.test(String(event.content_type))) {
    return (
      <a class="img" href={url} target="_blank" rel="noopener noreferrer">
        <img
          src={thumb}
          srcset={thumb2x ? `${thumb} 1x, ${thumb2x} 2x` : undefined}
          alt={fmt(t.image, { name })}
          width={event.width}
          height={event.height}
          loading="lazy"
        />
      </a>
    );
  }
  const body = (
    <>
      <Icon name="file" />
      <span class="fname">{name}</span>
      <small>{size(event.size)}</small>
    </>
  );
  return url ? (
    <a class="bub file" href={url} target="_blank" rel="noopener noreferrer" download={name} aria-label={fmt(t.download, { name })}>
      {body}
    </a>
  ) : (
    <span class="bub file">{body}</span>
  );
}
