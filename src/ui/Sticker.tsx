import type { RichMessageElement } from '../protocol/types';
import { safeUrl } from './safe-url';

/** A sticker: a large image without a bubble. Without a usable image it shows its title as text. */
export function Sticker({ element }: { element: RichMessageElement }) {
  const url = safeUrl(element.image?.url);
  const alt = String(element.title ?? element.image?.name ?? '');
  return url ? <img class="stk" src={url} alt={alt} loading="lazy" /> : <p class="bub">{alt}</p>;
}
