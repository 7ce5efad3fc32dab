// A file in the timeline: an image as a thumbnail that opens the full file in a new tab, anything
// else as a link with its name and size. Names are text; see file-view.ts for what is shown inline.
import type { Json } from './agent-client';
import { fileView } from './file-view';

/**
 * The body of a `file` event.
 * @example
 * <FileEvent event={{ type: 'file', name: 'a.pdf', url: 'https://x/a.pdf', size: 2048 }} />
 */
export function FileEvent({ event }: { event: Json }) {
  const file = fileView(event);
  const caption = file.size ? `${file.name} · ${file.size}` : file.name;
  if (file.image && file.url) {
    return (
      <figure class="file-image">
        <a href={file.url} target="_blank" rel="noopener noreferrer" title={`Open ${file.name} in a new tab`}>
          <img src={file.image.src} alt={file.name} width={file.image.width} height={file.image.height} loading="lazy" />
        </a>
        <figcaption>{caption}</figcaption>
      </figure>
    );
  }
  return (
    <p class="text file">
      {file.url ? (
        <a href={file.url} target="_blank" rel="noopener noreferrer">
          {file.name}
        </a>
      ) : (
        <span>{file.name}</span>
      )}
      {file.size && <span class="size"> ({file.size})</span>}
    </p>
  );
}
