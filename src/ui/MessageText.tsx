import { linkify } from './linkify';

/**
 * Message text as text nodes and http(s) links only, so nothing a sender wrote is ever parsed
 * as HTML. Line breaks are kept by CSS (`white-space: pre-wrap`).
 */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((p) =>
        p.href ? (
          <a href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
