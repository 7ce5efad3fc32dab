import type { User } from '../../protocol/types';

/** Whether a value from the server is a user: a string `id` and `type`. */
export const isUser = (u: unknown): u is User =>
  typeof u === 'object' && u !== null && typeof (u as User).id === 'string' && typeof (u as User).type === 'string';
