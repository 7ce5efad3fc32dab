/** A run of message text: plain, or a link whose `href` is a vetted http(s) URL. */
export type TextPart = { text: string; href?: string };

// Links start with a scheme or `www.`; trailing punctuation that usually ends a sentence is
// left out of the link, the way people expect from chat apps.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const TRAIL = /[.,;:!?'")\]]+$/;

/**
 * Splits text into plain and link parts. Only `http:`/`https:` links are produced, so the parts
 * can be rendered as text nodes and `<a>` elements without ever interpreting HTML.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(LINK)) {
    const url = m[0].replace(TRAIL, '');
    const start = m.index;
    let href: string | undefined;
    try {
      href = new URL(/^www\./i.test(url) ? 'https://' + url : url).href;
    } catch {
      continue;
    }
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
