import type { ChatEvent } from '../../protocol/types';
import { isId } from './is-id';

/** Whether a value from the server looks enough like an event to keep: an `id` (is-id.ts) and a string `type`. */
export function isEvent(value: unknown): value is ChatEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return isId(id) && typeof type === 'string';
}
