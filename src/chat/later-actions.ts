import type { RichMessageButton } from '../protocol/types';
import type { RatingInput } from './actions';
import { selectCurrentChat } from './state/selectors';
import type { TimelineItem } from './state/timeline';
import type { StoreInternals } from './store-internals';

/**
 * The actions only the parts that load later call (a rich message's buttons, the rating), loaded
 * with them: `send` and `attempt` are the other actions' own.
 */
export function laterActions(s: StoreInternals, send: (text: string) => Promise<void>, attempt: (name: string, run: () => Promise<void>) => Promise<void>) {
  const current = () => selectCurrentChat(s.getState());
  return {
    /**
     * A rich-message button: its postback, shown pressed at once (undone if the server refuses), and
     * for a `message` button its label sent as the visitor's message. (A webview button's page is the UI's.)
     */
    pressButton(item: TimelineItem, button: RichMessageButton): Promise<void> {
      const chat = current();
      const me = s.getState().customerId;
      const { threadId, event } = item;
      // Only an event the server has (not an outbox entry) takes a postback.
      const held = !!threadId && !!chat?.threads[threadId]?.events.some((e) => e.id === event.id);
      const sent = !button.type || button.type === 'message' ? send(String(button.text ?? '')) : Promise.resolve();
      if (!held || me === null || !chat) return sent;
      const postbackId = button.postback_id;
      s.emit('rich_message_button_clicked', { eventId: event.id, postbackId });
      const toggle = (on: boolean) =>
        s.dispatch({ type: 'button_toggled', chatId: chat.id, threadId: threadId!, eventId: event.id, userId: me, postbackId, on });
      const wasOn = event.type === 'rich_message' && !!event.elements?.some((el) => el.buttons?.some((b) => b.postback_id === postbackId && b.user_ids?.includes(me)));
      toggle(true);
      const request = { chat_id: chat.id, thread_id: threadId!, event_id: event.id, postback: { id: postbackId, toggled: true } };
      const posted = attempt('send_postback', () =>
        s.channel.request('send_rich_message_postback', request).then(
          () => undefined,
          (error: unknown) => {
            toggle(wasOn);
            throw error;
          },
        ),
      );
      return Promise.all([sent, posted]).then(() => undefined);
    },
    rate({ score, comment }: RatingInput): Promise<void> {
      return attempt('rate', async () => {
        const chat = current();
        if (!chat?.lastThreadId) throw new Error('There is no chat to rate');
        const rating = comment === undefined ? { score } : { score, comment };
        const request = { chat_id: chat.id, thread_id: chat.lastThreadId, properties: { rating } };
        s.dispatchReply('update_chat_thread_properties', request, await s.channel.request('update_chat_thread_properties', request));
        s.emit('rating_submitted', score === 1 ? 'good' : 'bad');
      });
    },
  };
}
