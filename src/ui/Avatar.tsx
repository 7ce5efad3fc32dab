import { useState } from 'preact/hooks';
import { safeUrl } from './safe-url';

/**
 * A round avatar: the image when its URL is http(s) and loads, else the name's initial.
 * Decorative (`aria-hidden`): the name is always written next to it.
 *
 * @example
 * <Avatar src="cdn.livechatinc.com/avatars/1.png" name="Bart" />
 */
export function Avatar({ src, name }: { src?: string | undefined; name?: string | undefined }) {
  const [broken, setBroken] = useState(false);
  const url = broken ? null : safeUrl(src);
  return url ? (
    <img class="av" src={url} alt="" aria-hidden="true" onError={() => setBroken(true)} />
  ) : (
    <span class="av" aria-hidden="true">
      {(name?.trim() || '?').charAt(0).toUpperCase()}
    </span>
  );
}
