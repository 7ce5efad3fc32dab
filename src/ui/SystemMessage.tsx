import type { SystemMessageEvent } from '../protocol/types';

/** A centred, muted line for a system message (agent joined, chat transferred, …). */
export function SystemMessage({ event }: { event: SystemMessageEvent }) {
  return <p class="sys">{String(event.text ?? '')}</p>;
}
