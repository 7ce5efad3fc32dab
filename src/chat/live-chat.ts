import { seenMarker } from './seen-marker';
import { createSender } from './sender';
import { createSneakPeekThrottle } from './sneak-peek-throttle';
import { selectCurrentChat } from './state/selectors';
import type { StoreInternals } from './store-internals';

/**
 * What the store needs once the visitor has a chat or something to send, loaded then (a first open
 * with a prechat form has neither): the sender, read receipts and sneak peeks. Made while the channel
 * is open, it sends what waits and marks what was read at once; then each time the channel opens.
 */
export function liveChat(s: StoreInternals, { sends, isVisible }: { sends: () => boolean; isVisible: () => boolean }) {
  const sender = createSender(s, sends);
  const mark = seenMarker(s, isVisible);
  s.channel.onOpen(mark);
  const peek = createSneakPeekThrottle({
    clock: s.clock,
    send(text) {
      const chat = selectCurrentChat(s.getState());
      if (!chat?.active || !s.channel.isOpen()) return false;
      // Best effort (protocol-notes §8): a lost sneak peek is replaced by the next.
      s.client.request('send_sneak_peek', { chat_id: chat.id, sneak_peek_text: text }).catch(() => undefined);
      return true;
    },
  });
  if (s.channel.isOpen()) {
    void sender.run();
    mark();
  }
  return { sender, mark, peek };
}

/** What {@link liveChat} returns. */
export type LiveChat = ReturnType<typeof liveChat>;
