import type { ChatEvent } from '../../protocol/types';

/** Whether a value from the server looks enough like an event to keep: a non-empty string `id` and a string `type`. */
export function isEvent(value: unknown): value is ChatEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'string' && id !== '' && typeof type === 'string';
}
