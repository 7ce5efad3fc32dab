// Journey 1, with each embed: a first visit from the launcher through the prechat form to a chat the
// agent has, with the form and the first message in one start_chat; axe on the launcher, prechat and
// chat states; and the same journey with the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, loginAgent } from '../sandbox/agent-helpers';
import type { Frame, TestClient } from '../sandbox/helpers';
import { axeWidget, DIALECTS, EMBEDS, startJourneySite, until, type JourneySite } from './journey-helpers';
import { openVisitor } from './journey-visitor';

let site: JourneySite;
let agent: TestClient;

/** The message and form the agent got with a new chat, by type. */
const initialEvents = (incoming: Frame) => {
  const events: any[] = incoming.payload.chat.thread.events;
  return { form: events.find((e) => e.type == 'filled_form'), message: events.find((e) => e.type == 'message') };
};

describe.each(DIALECTS)('%s dialect', (dialect) => {
  beforeAll(async () => {
    site = await startJourneySite({ dialect });
    // The agent party: logged in, so group 0 is online and its chats are routed to it.
    agent = (await loginAgent(site.server)).client;
  });
  afterAll(async () => {
    await agent?.close();
    await site?.close();
  });

  describe.each(EMBEDS)('first visit (%s embed)', (embed) => {
    it('goes from the launcher through the prechat form to a chat the agent has, form and first message together', async () => {
      const visitor = await openVisitor(site, embed);
      const { widget, wire } = visitor;
      expect(wire.sockets).toBe(0);
      await visitor.shot('1-launcher');
      let axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);
      expect(axe.checked).toBeGreaterThan(0);

      await visitor.launcher.click();
      const panel = widget.getByRole('dialog');
      await panel.waitFor();
      const name = widget.getByLabel(/^Name/);
      await name.waitFor();
      // Focus went into the panel (the dialog, or the form when it was there in time).
      expect(await panel.evaluate((el) => el.contains((el.getRootNode() as ShadowRoot).activeElement))).toBe(true);
      await visitor.shot('2-prechat');
      axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);
      expect((await wire.sentFrame('get_form')).payload).toEqual({ group_id: 0, type: 'prechat' });

      await name.fill('Ada Lovelace');
      await widget.getByLabel(/^E-mail/).fill('ada@example.com');
      await widget.getByLabel(/^Your question/).fill('Where is my order?');
      await widget.getByRole('radio', { name: 'Billing' }).check();
      await widget.getByRole('button', { name: 'Start the chat' }).click();

      // On the wire: one start_chat with the filled form, then the question as the first message.
      const start = await wire.sentFrame('start_chat');
      const [form, message, ...rest] = start.payload.chat.thread.events;
      expect(rest).toEqual([]);
      expect(form).toMatchObject({ type: 'filled_form', form_id: 'prechat-0', custom_id: expect.any(String) });
      expect(form.fields).toEqual(
        expect.arrayContaining([
          { id: 'name', type: 'name', label: 'Name:', answer: 'Ada Lovelace' },
          { id: 'email', type: 'email', label: 'E-mail:', answer: 'ada@example.com' },
          { id: 'topic', type: 'radio', label: 'Topic:', answer: { id: 'billing', label: 'Billing' } },
        ]),
      );
      expect(message).toMatchObject({ type: 'message', text: 'Where is my order?', recipients: 'all', custom_id: expect.any(String) });
      expect(wire.sent.filter((f) => f.action == 'send_event')).toEqual([]);

      // The agent gets the chat with both.
      const answer = await wire.receivedFrame('start_chat');
      const chatId = answer.payload.chat?.id ?? answer.payload.chat_id;
      const incoming = await agent.next((f) => f.action == 'incoming_chat_thread' && f.payload.chat.id == chatId, 10_000);
      const got = initialEvents(incoming);
      expect(got.form).toMatchObject({ type: 'filled_form', form_id: 'prechat-0', fields: form.fields });
      expect(got.message).toMatchObject({ type: 'message', text: 'Where is my order?' });
      expect(incoming.payload.chat.users).toEqual(expect.arrayContaining([expect.objectContaining({ id: AGENT })]));

      // The visitor sees the form's summary and the message, sent, and can write on.
      await widget.getByText('Form sent').waitFor();
      await visitor.message('Where is my order?', 'visitor').waitFor();
      await until(async () => (await widget.locator('.st').count()) == 0, 'the message to leave "Sending…"');
      await expect.poll(() => widget.getByRole('textbox', { name: 'Write a message…' }).isEnabled()).toBe(true);
      expect(await visitor.events('form_submitted')).toEqual([{ type: 'prechat' }]);
      await visitor.shot('3-chat');
      axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it('can be completed with the keyboard alone', async () => {
      const visitor = await openVisitor(site, embed);
      const { page, widget, wire } = visitor;
      /** The focused element inside the widget, as `tag label`. */
      const focused = () =>
        page.evaluate(() => {
          const el = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null | undefined;
          if (!el) return null;
          const label = el.getAttribute('aria-label') ?? (el.id && el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent;
          return `${el.tagName.toLowerCase()} ${label?.trim()}`;
        });
      const tabTo = async (target: RegExp) => {
        for (let i = 0; i < 25 && !target.test((await focused()) ?? ''); i++) await page.keyboard.press('Tab');
        expect(await focused()).toMatch(target);
      };

      await tabTo(/^button Open chat$/);
      await page.keyboard.press('Enter');
      // Focus moves into the panel; the name is the first control after it.
      await widget.getByLabel(/^Name/).waitFor();
      await tabTo(/^input Name:/);
      await page.keyboard.type('Kay Board');
      await tabTo(/^input Your question:/);
      await page.keyboard.type('Can I order by keyboard?');
      await tabTo(/^button Start the chat$/);
      await page.keyboard.press('Enter');

      const start = await wire.sentFrame('start_chat');
      expect(start.payload.chat.thread.events.map((e: any) => e.type)).toEqual(['filled_form', 'message']);
      const answer = await wire.receivedFrame('start_chat');
      const chatId = answer.payload.chat?.id ?? answer.payload.chat_id;
      const incoming = await agent.next((f) => f.action == 'incoming_chat_thread' && f.payload.chat.id == chatId, 10_000);
      expect(initialEvents(incoming).message.text).toBe('Can I order by keyboard?');
      expect(initialEvents(incoming).form.fields).toContainEqual({ id: 'name', type: 'name', label: 'Name:', answer: 'Kay Board' });

      // The form went away with the focused button: focus went on to the message input, so the
      // visitor just writes on, and Enter sends.
      await expect.poll(focused).toBe('textarea Write a message…');
      await page.keyboard.type('Thanks!');
      await page.keyboard.press('Enter');
      const sent = await wire.sentFrame('send_event', (p) => p.event.text == 'Thanks!');
      expect(sent.payload.chat_id).toBe(chatId);
      await agent.next((f) => f.action == 'incoming_event' && f.payload.chat_id == chatId && f.payload.event.text == 'Thanks!', 10_000);
      await visitor.message('Thanks!', 'visitor').waitFor();
      await visitor.shot('4-keyboard');
      await visitor.context.close();
    });
  });
});
