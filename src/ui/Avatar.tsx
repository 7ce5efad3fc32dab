import { useState } from 'preact/hooks';
import { safeUrl } from './safe-url';

// URLs that failed to load in this page. Every agent's message group shows an avatar and the message
// list mounts new groups as it scrolls; each would load the same broken URL again, fail, and
// re-render to the initial a frame later.
const failed = new Set<string>();

/**
 * A round avatar: the image when its URL is http(s) and loads, else the name's initial.
 * Decorative (`aria-hidden`): the name is always written next to it.
 */
export function Avatar({ src, name }: { src?: string | undefined; name?: string | undefined }) {
  const [, setBroken] = useState(false);
  const url = safeUrl(src);
  return url && !failed.has(url) ? (
    <img
      class="av"
      src={url}
      alt=""
      aria-hidden="true"
      onError={() => {
        failed.add(url);
        setBroken(true);
      }}
    />
  ) : (
    <span class="av" aria-hidden="true">
      {(name?.trim() || '?').charAt(0).toUpperCase()}
    </span>
  );
}
