import { isObject } from '../../protocol/is-object';
import type { User } from '../../protocol/types';
import { isId } from './is-id';

/** Whether a value from the server is a user: an `id` (is-id.ts) and a string `type`. */
export const isUser = (u: unknown): u is User => isObject(u) && isId(u.id) && typeof u.type === 'string';
