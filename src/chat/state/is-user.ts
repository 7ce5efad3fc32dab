import type { User } from '../../protocol/types';
import { isId } from './is-id';

/** Whether a value from the server is a user: a string `id` and `type`. */
export const isUser = (u: unknown): u is User =>
  typeof u === 'object' && u !== null && isId((u as User).id) && typeof (u as User).type === 'string';
