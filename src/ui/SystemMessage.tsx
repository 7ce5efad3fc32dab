import type { SystemMessageEvent } from '../protocol/types';

/**
 * A centred, muted line for a system message (agent joined, chat transferred, …).
 *
 * @example
 * <SystemMessage event={{ id: 'e1', type: 'system_message', text: 'Bart joined the chat.' }} />
 */
export function SystemMessage({ event }: { event: SystemMessageEvent }) {
  return <p class="sys">{String(event.text ?? '')}</p>;
}
