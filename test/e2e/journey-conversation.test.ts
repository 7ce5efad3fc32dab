// Journeys 2–4, with each embed, in a chat the agent party has: the agent types and replies (typing,
// the message, the unread badge while minimized), the visitor types (throttled sneak peeks, then the
// message), and the agent's cards and quick replies (postbacks, toggled buttons, posted labels).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAgent } from '../sandbox/agent-helpers';
import type { Frame, TestClient } from '../sandbox/helpers';
import { afterPaint, axeWidget, DIALECTS, EMBEDS, startJourneySite, until, type JourneySite } from './journey-helpers';
import { openVisitor, startChat, type Wire } from './journey-visitor';

let site: JourneySite;
let agent: TestClient;

/** The agent's pushes of `action` for one chat, so far. */
const agentGot = (action: string, chatId: string) => agent.frames.filter((f) => f.action == action && f.payload?.chat_id == chatId);
const agentAwaits = (action: string, chatId: string, test: (payload: any) => boolean = () => true) =>
  agent.next((f: Frame) => f.action == action && f.payload?.chat_id == chatId && test(f.payload), 10_000);
const say = (chatId: string, text: string) => agent.request('send_event', { chat_id: chatId, event: { type: 'message', text, recipients: 'all' } });
/** The read receipts a visitor sent: the seed's method, or released v3.1's once the server refused that. */
const RECEIPTS = ['update_last_seen_timestamp', 'mark_events_as_seen'];
const receiptsSent = (wire: Wire) => wire.sent.filter((f) => RECEIPTS.includes(f.action)).length;

describe.each(DIALECTS)('%s dialect', (dialect) => {
  beforeAll(async () => {
    site = await startJourneySite({ dialect });
    agent = (await loginAgent(site.server)).client;
  });
  afterAll(async () => {
    await agent?.close();
    await site?.close();
  });

  describe.each(EMBEDS)('in a chat (%s embed)', (embed) => {
    it('shows the agent typing, then the reply; minimized, counts unread messages on the launcher', async () => {
      const visitor = await openVisitor(site, embed);
      const { widget, wire, page } = visitor;
      const { chatId } = await startChat(visitor, agent);

      await agent.request('send_typing_indicator', { chat_id: chatId, is_typing: true });
      const typing = await wire.receivedFrame('incoming_typing_indicator', (p) => p.chat_id == chatId);
      expect(typing.payload.typing_indicator).toMatchObject({ author_id: 'agent@chatlet.test', is_typing: true });
      const indicator = widget.locator('.grp.typing');
      await indicator.waitFor();
      expect(await indicator.getByRole('status').textContent()).toBe('Alex Agent is typing');
      await visitor.shot('5-agent-typing');

      const reply = await say(chatId, 'Hello Ada, let me check that for you.');
      expect(reply.success).toBe(true);
      await visitor.message('Hello Ada, let me check that for you.', 'agent').waitFor();
      await wire.receivedFrame('incoming_event', (p) => p.event.text == 'Hello Ada, let me check that for you.');
      await indicator.waitFor({ state: 'detached' });
      expect(await visitor.events('unread_changed')).not.toContainEqual({ count: 1 });

      // Minimized, new messages are unread: the launcher counts them and the page hears of each.
      await widget.getByRole('button', { name: 'Minimize chat' }).first().click();
      await widget.getByRole('dialog').waitFor({ state: 'hidden' });
      await afterPaint(page);
      const seenBefore = receiptsSent(wire);
      await say(chatId, 'Found it: it ships today.');
      await widget.getByRole('button', { name: 'Open chat, 1 unread' }).waitFor();
      await say(chatId, 'Anything else?');
      const launcher = widget.getByRole('button', { name: 'Open chat, 2 unread' });
      await launcher.waitFor();
      expect(await widget.locator('.badge').textContent()).toBe('2');
      await until(async () => (await visitor.events('unread_changed')).some((e) => e.count == 2), 'unread_changed with 2');
      expect((await visitor.events('unread_changed')).slice(-2)).toEqual([{ count: 1 }, { count: 2 }]);
      expect(receiptsSent(wire)).toBe(seenBefore);
      await visitor.shot('6-unread');

      // Opening the chat reads them: the count goes back to 0 and the server hears they were seen.
      await launcher.click();
      await visitor.message('Anything else?', 'agent').waitFor();
      await until(async () => (await visitor.events('unread_changed')).at(-1)?.count === 0, 'unread_changed with 0');
      await until(() => receiptsSent(wire) > seenBefore, 'a read receipt');
      expect(await widget.locator('.badge').count()).toBe(0);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it("tells the agent the visitor has read its message, in this dialect's receipt method", async () => {
      const visitor = await openVisitor(site, embed);
      const { wire } = visitor;
      const { chatId, threadId, customerId } = await startChat(visitor, agent);
      const reply = await say(chatId, 'Did you see this?');
      const sentAt = Math.floor(Date.parse(reply.payload.event.created_at) / 1000);
      await visitor.message('Did you see this?', 'agent').waitFor();

      // The agent API is v3.0 in both dialects: the receipt arrives as seed 002's push, covering the reply.
      const receipt = await agentAwaits('last_seen_timestamp_updated', chatId, (p) => p.user_id == customerId && p.timestamp >= sentAt);
      expect(receipt.payload).toEqual({ user_id: customerId, chat_id: chatId, timestamp: expect.any(Number) });
      const threads = await agent.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] });
      const customer = threads.payload.chat.users.find((u: Frame) => u.id == customerId);
      expect(customer.last_seen_timestamp).toBeGreaterThanOrEqual(sentAt);

      // On the visitor's wire: the seed's method where it is spoken; released v3.1 refuses it once and
      // the widget carries on with mark_events_as_seen.
      const answers = wire.received.filter((f) => f.type == 'response' && RECEIPTS.includes(f.action));
      if (dialect == 'draft') {
        expect(answers.length).toBeGreaterThan(0);
        expect(answers.every((f) => f.action == 'update_last_seen_timestamp' && f.success)).toBe(true);
      } else {
        expect(answers.filter((f) => f.action == 'update_last_seen_timestamp').map((f) => [f.success, f.payload.error.type])).toEqual([[false, 'validation']]);
        expect(answers.filter((f) => f.action == 'mark_events_as_seen').every((f) => f.success)).toBe(true);
        const own = await wire.receivedFrame('events_marked_as_seen', (p) => p.user_id == customerId);
        expect(Date.parse(own.payload.seen_up_to) / 1000).toBeGreaterThanOrEqual(sentAt);
      }
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it('shows the agent what the visitor types in throttled sneak peeks, then sends the message', async () => {
      const visitor = await openVisitor(site, embed);
      const { widget, wire, page } = visitor;
      const { chatId } = await startChat(visitor, agent);
      const text = 'Is it shipped yet?';

      await widget.getByRole('textbox', { name: 'Write a message…' }).click();
      // A person typing: a key every 40 ms or more, so the 300 ms throttle has keystrokes to fold.
      const typingStarted = Date.now();
      await page.keyboard.type(text, { delay: 40 });
      const typingTook = Date.now() - typingStarted;
      // The trailing peek carries the whole text, and reaches the agent before anything is sent.
      await agentAwaits('incoming_sneak_peek', chatId, (p) => p.sneak_peek.text == text);
      await wire.sentFrame('send_sneak_peek', (p) => p.sneak_peek_text == text);
      const peeks = wire.sent.filter((f) => f.action == 'send_sneak_peek').map((f) => f.payload);
      // At most one peek per 300 ms of typing, plus the trailing one: fewer than the keystrokes.
      expect(peeks.length).toBeGreaterThanOrEqual(1);
      expect(peeks.length).toBeLessThanOrEqual(Math.ceil(typingTook / 300) + 1);
      expect(peeks.length).toBeLessThan(text.length);
      for (const peek of peeks) {
        expect(peek).toEqual({ chat_id: chatId, sneak_peek_text: expect.any(String) });
        expect(text.startsWith(peek.sneak_peek_text)).toBe(true);
      }
      expect(peeks.at(-1)!.sneak_peek_text).toBe(text);
      expect(agentGot('incoming_sneak_peek', chatId).map((f) => f.payload.sneak_peek.text)).toEqual(peeks.map((p) => p.sneak_peek_text));
      expect(wire.sent.filter((f) => f.action == 'send_event')).toEqual([]);

      await page.keyboard.press('Enter');
      const message = await agentAwaits('incoming_event', chatId, (p) => p.event.type == 'message' && p.event.text == text);
      expect(message.payload.event.author_id).toBe((await wire.receivedFrame('login')).payload.customer_id);
      const sent = await wire.sentFrame('send_event', (p) => p.event.text == text);
      expect(wire.sent.indexOf(sent)).toBeGreaterThan(wire.sent.findIndex((f) => f.payload?.sneak_peek_text == text));
      await visitor.message(text, 'visitor').waitFor();
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it('lets the visitor answer cards and quick replies: postbacks reach the agent, buttons show the choice', async () => {
      const visitor = await openVisitor(site, embed);
      const { widget, wire } = visitor;
      const { chatId, threadId, customerId } = await startChat(visitor, agent);

      const card = {
        type: 'rich_message',
        template_id: 'cards',
        elements: [
          {
            title: 'Order #4521',
            subtitle: 'Shipped yesterday by courier',
            buttons: [
              { text: 'Track parcel', type: 'message', value: 'track', postback_id: 'track', user_ids: [] },
              { text: 'Help centre', type: 'url', value: 'https://example.com/help', postback_id: 'help', user_ids: [] },
            ],
          },
        ],
      };
      const cardId: string = (await agent.request('send_event', { chat_id: chatId, event: card })).payload.event.id;
      const track = widget.getByRole('button', { name: 'Track parcel' });
      await track.click();
      const postback = await wire.sentFrame('send_rich_message_postback');
      expect(postback.payload).toEqual({ chat_id: chatId, thread_id: threadId, event_id: cardId, postback: { id: 'track', toggled: true } });
      const got = await agentAwaits('incoming_rich_message_postback', chatId);
      expect(got.payload).toMatchObject({ user_id: customerId, event_id: cardId, postback: { id: 'track', toggled: true } });
      // A `message` button also posts its label.
      await agentAwaits('incoming_event', chatId, (p) => p.event.type == 'message' && p.event.text == 'Track parcel');
      await visitor.message('Track parcel', 'visitor').waitFor();
      await until(async () => (await track.getAttribute('aria-pressed')) == 'true', 'the card button to show as pressed');

      const replies = {
        type: 'rich_message',
        template_id: 'quick_replies',
        elements: [
          {
            title: 'Anything else I can do?',
            buttons: [
              { text: 'No, thanks', type: 'message', value: 'no', postback_id: 'qr_no', user_ids: [] },
              { text: 'Talk to sales', type: 'message', value: 'sales', postback_id: 'qr_sales', user_ids: [] },
            ],
          },
        ],
      };
      const repliesId: string = (await agent.request('send_event', { chat_id: chatId, event: replies })).payload.event.id;
      await widget.getByRole('button', { name: 'No, thanks' }).click();
      await agentAwaits('incoming_rich_message_postback', chatId, (p) => p.event_id == repliesId && p.postback.id == 'qr_no');
      await agentAwaits('incoming_event', chatId, (p) => p.event.text == 'No, thanks');
      await until(async () => (await widget.getByRole('button', { name: 'No, thanks' }).getAttribute('aria-pressed')) == 'true', 'the reply to show as chosen');
      expect(await widget.getByRole('button', { name: 'Talk to sales' }).isDisabled()).toBe(true);
      expect(await visitor.events('rich_message_button_clicked')).toEqual([
        { eventId: cardId, postbackId: 'track' },
        { eventId: repliesId, postbackId: 'qr_no' },
      ]);
      // The server kept the choices: the agent's copy of the chat has the visitor in the buttons' user_ids.
      const threads = (await agent.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] })).payload.chat.threads[0].events;
      const buttonsOf = (id: string) => threads.find((e: any) => e.id == id).elements[0].buttons;
      expect(buttonsOf(cardId)[0].user_ids).toEqual([customerId]);
      expect(buttonsOf(repliesId).map((b: any) => b.user_ids)).toEqual([[customerId], []]);
      await visitor.shot('7-rich-messages');
      const axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  });
});
