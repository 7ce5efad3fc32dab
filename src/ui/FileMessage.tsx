import css from '../../styles/file.css';
import { useContext } from 'preact/hooks';
import type { FileEvent } from '../protocol/types';
import { fileSize } from './file-size';
import { Icon } from './Icon';
import { safeUrl } from './safe-url';
import { fmt, StringsContext } from './strings';
import { partStyles } from './part-styles';

partStyles(css);

const IMAGE = /^image\/(png|jpe?g|gif|webp)$/i;

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
      <small>{fileSize(event.size)}</small>
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
