// Journeys 5–7, with each embed: a reload brings back the same customer and the history; the agent
// closes the thread, the visitor rates it and writing again reopens the chat; an offline group still
// takes a message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from '../../demo/sandbox/fixtures';
import { loginAgent, SALES_TOKEN, web, withSalesAgent } from '../sandbox/agent-helpers';
import type { Frame, TestClient } from '../sandbox/helpers';
import { axeWidget, DIALECTS, EMBEDS, LICENSE_ID, startJourneySite, until, type JourneySite } from './journey-helpers';
import { openVisitor, startChat } from './journey-visitor';
import { ongoingChatKey } from '../../src/embed/ongoing-chat-key';

let site: JourneySite;
let agent: TestClient;

const agentAwaits = (action: string, chatId: string, test: (payload: any) => boolean = () => true) =>
  agent.next((f: Frame) => f.action == action && f.payload?.chat_id == chatId && test(f.payload), 10_000);
const say = (chatId: string, text: string) => agent.request('send_event', { chat_id: chatId, event: { type: 'message', text, recipients: 'all' } });
const TOKEN_KEY = `@@lc_auth_token:${LICENSE_ID}`;
const SIDE_KEY = `side_storage_${LICENSE_ID}`;
/** What the default fixture puts in every new customer's side storage: nested, non-string values. */
const FIXTURE_SIDE_STORAGE = loadFixtures().licenses[0]!.side_storage;

describe.each(DIALECTS)('%s dialect', (dialect) => {
  beforeAll(async () => {
    // A Sales agent (group 1) who is not logged in: the group stays offline, and the agent API can read its chats.
    site = await startJourneySite({ fixtures: withSalesAgent(), dialect });
    agent = (await loginAgent(site.server)).client;
  });
  afterAll(async () => {
    await agent?.close();
    await site?.close();
  });

  describe.each(EMBEDS)('coming back (%s embed)', (embed) => {
    it('after a reload is the same customer with the same history, and sends customer_side_storage back at login', async () => {
      const visitor = await openVisitor(site, embed);
      const { page, widget, wire } = visitor;
      const tokenRequests: string[] = [];
      page.on('request', (r) => r.method() == 'POST' && r.url() == `${site.server.url}/customer/token` && tokenRequests.push(r.url()));
      const stored = (key: string) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
      const logins = () => wire.received.filter((f) => f.type == 'response' && f.action == 'login');
      const loginRequests = () => wire.sent.filter((f) => f.action == 'login');

      const { chatId, customerId } = await startChat(visitor, agent);
      await say(chatId, 'Your parcel left the warehouse.');
      await visitor.message('Your parcel left the warehouse.', 'agent').waitFor();
      // The cookie grant gave a token, cached; the server's side storage is kept for the next login.
      expect(tokenRequests).toHaveLength(1);
      const token = await stored(TOKEN_KEY);
      expect(token).toMatchObject({ entityId: customerId, licenseId: LICENSE_ID, accessToken: expect.any(String) });
      expect(loginRequests()[0]!.payload).not.toHaveProperty('customer_side_storage');
      await until(async () => (await stored(SIDE_KEY))?.customer_visits == '1', 'side storage with the first visit');

      // Reload: the cached token logs the same customer in, with the side storage, and the history is back.
      await visitor.reload();
      await until(() => loginRequests().length == 2, 'the second login');
      expect(tokenRequests).toHaveLength(1);
      // The server's side storage comes back whole, its non-string values too (the fixture's nested entry).
      expect(loginRequests()[1]!.payload).toMatchObject({ token: `Bearer ${token.accessToken}` });
      expect(loginRequests()[1]!.payload.customer_side_storage).toEqual({ ...FIXTURE_SIDE_STORAGE, customer_visits: '1' });
      await until(() => logins().length == 2, 'the second login response');
      expect(logins()[1]!.payload.customer_id).toBe(customerId);
      // The chat was open when the visitor left the page, so it opens again on its own, with the history,
      // and leaves the page's focus where it was.
      await widget.getByRole('dialog').waitFor();
      await visitor.message('Where is my order?', 'visitor').waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
      await visitor.message('Your parcel left the warehouse.', 'agent').waitFor();
      await until(async () => (await stored(SIDE_KEY))?.customer_visits == '2', 'side storage with the second visit');
      await visitor.shot('8-reloaded');

      // Without the cached token, the identity cookie brings back the same customer. The visitor
      // minimized the chat first, so the next page starts minimized (the chat connects on its own).
      await visitor.call('minimize');
      await until(async () => (await stored(ongoingChatKey(LICENSE_ID, 0))) == 1, 'the chat marked ongoing, not open');
      await page.evaluate((k) => localStorage.removeItem(k), TOKEN_KEY);
      await visitor.reload();
      await until(() => logins().length == 3, 'the third login response');
      expect(tokenRequests).toHaveLength(2);
      expect(logins()[2]!.payload.customer_id).toBe(customerId);
      expect(loginRequests()[2]!.payload.customer_side_storage).toEqual({ ...FIXTURE_SIDE_STORAGE, customer_visits: '2' });
      expect((await stored(TOKEN_KEY)).entityId).toBe(customerId);
      expect(await widget.getByRole('dialog').isVisible()).toBe(false);
      await visitor.launcher.click();
      await visitor.message('Your parcel left the warehouse.', 'agent').waitFor();
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it('shows the end of the chat when the agent closes it, takes a rating, and reopens the chat on the next message', async () => {
      const visitor = await openVisitor(site, embed);
      const { widget, wire } = visitor;
      const { chatId, threadId } = await startChat(visitor, agent);
      await say(chatId, 'Glad I could help. Bye!');

      await agent.request('close_thread', { chat_id: chatId });
      await wire.receivedFrame('thread_closed', (p) => p.chat_id == chatId);
      await widget.getByText('Alex Agent closed the chat.').waitFor();
      const good = widget.getByRole('radio', { name: 'Good' });
      await good.waitFor();
      await visitor.shot('9-rating');
      const axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);

      await good.check();
      const survey = good.locator('xpath=ancestor::form');
      await survey.getByLabel('Comment:').fill('Quick and helpful');
      await survey.getByRole('button', { name: 'Send' }).click();
      const rate = await wire.sentFrame('update_chat_thread_properties');
      expect(rate.payload).toEqual({ chat_id: chatId, thread_id: threadId, properties: { rating: { score: 1, comment: 'Quick and helpful' } } });
      const pushed = await agentAwaits('chat_thread_properties_updated', chatId);
      expect(pushed.payload).toMatchObject({ thread_id: threadId, properties: { rating: { score: { value: 1 }, comment: { value: 'Quick and helpful' } } } });
      // The rating lands as the thread's property, as the agent API reads it back.
      const threads = await agent.request('get_chat_threads', { chat_id: chatId, thread_ids: [threadId] });
      expect(threads.payload.chat.threads[0].properties.rating).toEqual({ score: { value: 1 }, comment: { value: 'Quick and helpful' } });
      await widget.getByText('Thank you for your feedback!').waitFor();
      expect(await visitor.events('rating_submitted')).toEqual(['good']);
      await visitor.shot('10-rated');

      // Writing again restarts the chat: the message goes out with activate_chat, and the agent has a new thread.
      const composer = widget.getByRole('textbox', { name: 'Write a message…' });
      await composer.fill('Actually, one more thing');
      await composer.press('Enter');
      const activate = await wire.sentFrame('activate_chat');
      expect(activate.payload.chat).toMatchObject({ id: chatId, thread: { events: [{ type: 'message', text: 'Actually, one more thing' }] } });
      expect(wire.sent.some((f) => f.action == 'send_event' && f.payload.event.type == 'message' && f.payload.event.text == 'Actually, one more thing')).toBe(false);
      const reopened = await agent.next((f) => f.action == 'incoming_chat_thread' && f.payload.chat.id == chatId, 10_000);
      expect(reopened.payload.chat.thread.id).not.toBe(threadId);
      expect(reopened.payload.chat.thread.events).toContainEqual(expect.objectContaining({ type: 'message', text: 'Actually, one more thing' }));
      await visitor.message('Actually, one more thing', 'visitor').waitFor();
      await good.waitFor({ state: 'detached' });
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });

    it('says when the group is offline and still takes a message', async () => {
      const visitor = await openVisitor(site, embed, { groupId: 1 });
      const { widget, wire } = visitor;
      await visitor.launcher.click();
      expect((await wire.sentFrame('login')).payload.group_id).toBe(1);
      const notice = widget.getByRole('status').filter({ hasText: 'We are away right now' });
      await notice.waitFor();
      expect(await notice.textContent()).toContain('Leave a message and we will reply as soon as we can.');
      await until(async () => (await visitor.events('ready'))[0], 'the ready event');
      expect((await visitor.events('ready'))[0].state.availability).toBe('offline');
      await visitor.shot('11-offline');
      const axe = await axeWidget(visitor.page);
      expect(axe.violations).toEqual([]);

      const composer = widget.getByRole('textbox', { name: 'Write a message…' });
      await composer.fill('Please call me back tomorrow.');
      await composer.press('Enter');
      const start = await wire.sentFrame('start_chat');
      expect(start.payload).toMatchObject({ continuous: true, chat: { thread: { events: [{ type: 'message', text: 'Please call me back tomorrow.' }] } } });
      const answer = await wire.receivedFrame('start_chat');
      expect(answer.success).toBe(true);
      await visitor.message('Please call me back tomorrow.', 'visitor').waitFor();
      await until(async () => (await widget.locator('.st').count()) == 0, 'the message to leave "Sending…"');
      await notice.filter({ hasText: 'Your message is waiting for us.' }).waitFor();
      // The message waits in the Sales group's chat for an agent, as the agent Web API shows.
      const chatId = answer.payload.chat?.id ?? answer.payload.chat_id;
      const { status, body } = await web(site.server, 'get_chat_threads', { chat_id: chatId }, SALES_TOKEN);
      expect(status).toBe(200);
      expect(body.chat.threads.at(-1).events).toContainEqual(expect.objectContaining({ type: 'message', text: 'Please call me back tomorrow.' }));
      await visitor.shot('12-offline-message');
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    });
  });
});
