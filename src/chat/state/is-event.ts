import { isObject } from '../../protocol/is-object';
import type { ChatEvent } from '../../protocol/types';
import { isId } from './is-id';

/** Whether a value from the server looks enough like an event to keep: an `id` (is-id.ts) and a string `type`. */
export const isEvent = (value: unknown): value is ChatEvent => isObject(value) && isId(value.id) && typeof value.type === 'string';
