import { useContext } from 'preact/hooks';
import { StringsContext, type Strings } from './strings';

/**
 * The stop reason in plain words: a known `customer_disconnected` reason or login error has its own
 * string (`reason_<name>`), anything else reads as "Chat is unavailable."
 */
export function reasonText(t: Strings, reason: string | null | undefined): string {
  return (reason && (t as Record<string, string>)[`reason_${reason}`]) || t.stopped;
}

/**
 * Why the connection stopped, in the connection banner: a part, so the reasons' texts load only
 * with a stop that has one; `fallback` ("Chat is unavailable.") shows until they are there.
 */
export function StopReason({ reason }: { reason: string; fallback: string }) {
  return <>{reasonText(useContext(StringsContext), reason)}</>;
}
