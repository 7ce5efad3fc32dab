// `incoming_typing_indicator`: which agents are typing in which chat (protocol-notes §8).
import type { PushMap } from '../protocol/types';
import type { ChatState } from './chat-state';

/**
 * Marks the author as typing with a fresh revision (the store expires it after a timeout that
 * names that revision), or clears it on `is_typing: false`. Seed 002's indicator has no `is_typing`:
 * receiving one means typing. The customer's own indicator is ignored.
 *
 * @example
 * applyTyping(state, { chat_id: 'c', typing_indicator: { author_id: 'agent@x', is_typing: true } });
 */
export function applyTyping(state: ChatState, p: PushMap['incoming_typing_indicator']): ChatState {
  const chatId = p.chat_id;
  const authorId = p.typing_indicator?.author_id;
  if (typeof chatId !== 'string' || typeof authorId !== 'string' || authorId === state.customerId) return state;
  const current = state.typing[chatId] ?? {};
  if (p.typing_indicator.is_typing === false) {
    if (!(authorId in current)) return state;
    const left = { ...current };
    delete left[authorId];
    return { ...state, typing: { ...state.typing, [chatId]: left } };
  }
  const typingRevision = state.typingRevision + 1;
  return { ...state, typingRevision, typing: { ...state.typing, [chatId]: { ...current, [authorId]: typingRevision } } };
}
