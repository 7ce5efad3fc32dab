// Each fault of issue 7 on its own, with the real client and store against the sandbox: whatever
// the network does, a message is delivered once and shown once, and what the agent wrote while
// the link was down shows up after the reconnect, in order.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../demo/sandbox/control';
import { memoryStorage } from '../unit/protocol/fake-storage';
import { mulberry32 } from './mulberry32';
import { agentReads, agentSays, startSite, type Site } from './site';
import { agentMessages, fastClock, openVisitor, ownMessages, SPEED, until, type Browser, type Visitor } from './visitor';

let site: Site;
let visitors: Visitor[] = [];
afterEach(async () => {
  for (const v of visitors) v.close();
  visitors = [];
  await site.close();
});

const customers = (c: ConnectionInfo) => c.kind === 'customer';

/** A visitor chatting: online, with a chat started by `hello`. */
async function chatting(browser: Browser = { storage: memoryStorage() }): Promise<{ visitor: Visitor; browser: Browser }> {
  const visitor = load(browser);
  await until(() => visitor.store.connectionState.value === 'online', 5_000);
  await visitor.store.actions.send('hello');
  await until(() => ownMessages(visitor.store).some(([t, s]) => t === 'hello' && s === 'sent'), 5_000);
  return { visitor, browser };
}

function load(browser: Browser, clock = fastClock()): Visitor {
  const visitor = openVisitor(site, browser, mulberry32(visitors.length + 1), clock);
  visitors.push(visitor);
  return visitor;
}

/** Waits until the visitor shows exactly `texts` as its own messages, all sent. */
async function shows(visitor: Visitor, texts: string[]): Promise<void> {
  const want = texts.map((t) => [t, 'sent']);
  await until(() => JSON.stringify(ownMessages(visitor.store)) === JSON.stringify(want), 10_000);
  expect(ownMessages(visitor.store)).toEqual(want);
  expect(visitor.store.state.value.outbox).toEqual([]);
}

describe('faults, one at a time', () => {
  it('socket dropped before a request: the message waits, then goes once', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    site.control.drop(customers);
    void visitor.store.actions.send('after the drop');
    expect(ownMessages(visitor.store).at(-1)).toEqual(['after the drop', 'pending']);
    await shows(visitor, ['hello', 'after the drop']);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'after the drop']);
  });

  it('socket dropped after the server stored the event, before the response: not sent again', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    let logins = 0;
    visitor.client.on('login', () => logins++);
    site.control.dropOnResponse('send_event');
    void visitor.store.actions.send('stored, unanswered');
    await shows(visitor, ['hello', 'stored, unanswered']);
    expect(logins).toBe(1);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'stored, unanswered']);
  });

  it('socket dropped during login (after the server logged the visitor in): the queued message goes once', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    const states: string[] = [];
    visitor.client.on('connection_state', (s) => states.push(s));
    site.control.dropOnResponse('login');
    site.control.drop(customers);
    void visitor.store.actions.send('queued over two drops');
    await shows(visitor, ['hello', 'queued over two drops']);
    expect(states.filter((s) => s === 'logging_in').length).toBeGreaterThanOrEqual(2);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'queued over two drops']);
  });

  it('duplicated and reordered pushes: every answer shows once, in order', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    site.control.duplicatePushes(3);
    site.control.reorderPushes(true);
    for (const text of ['one', 'two', 'three']) await agentSays(site.sandbox, browser.entityId!, text);
    void visitor.store.actions.send('mine');
    await until(() => agentMessages(visitor.store).length >= 3 && visitor.store.state.value.outbox.length === 0, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(agentMessages(visitor.store)).toEqual(['one', 'two', 'three']);
    await shows(visitor, ['hello', 'mine']);
    expect(new Set(visitor.store.timeline.value.map((i) => i.key)).size).toBe(visitor.store.timeline.value.length);
  });

  it('a silent half-open link is declared dead after 30 s; what was sent and answered meanwhile shows once, in order', async () => {
    site = await startSite();
    const clock = fastClock();
    const browser: Browser = { storage: memoryStorage() };
    const visitor = load(browser, clock);
    await until(() => visitor.store.connectionState.value === 'online', 5_000);
    await visitor.store.actions.send('hello');
    await shows(visitor, ['hello']);
    const dead: { reason?: string; at: number }[] = [];
    visitor.client.on('connection_state', (s, info) => s === 'reconnecting' && dead.push({ reason: info.reason, at: clock.now() }));
    const silentSince = clock.now();
    site.control.halfOpen(customers);
    void visitor.store.actions.send('into the silence');
    for (const text of ['while', 'you', 'were', 'away']) await agentSays(site.sandbox, browser.entityId!, text);
    // The link looks fine until the dead-link check fires: 30 s after the last frame, which came
    // at most one 15 s ping before the silence began. Then it reconnects and resyncs.
    await until(() => dead.length > 0, 5_000);
    expect(dead[0]!.reason).toBe('ping_timeout');
    expect(dead[0]!.at - silentSince).toBeGreaterThanOrEqual(15_000);
    // Slack for a busy machine: 400 ms of real event-loop lag.
    expect(dead[0]!.at - silentSince).toBeLessThanOrEqual(30_000 + 400 * SPEED);
    await shows(visitor, ['hello', 'into the silence']);
    await until(() => agentMessages(visitor.store).length >= 4, 5_000);
    expect(agentMessages(visitor.store)).toEqual(['while', 'you', 'were', 'away']);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'into the silence']);
  });

  it('the sandbox restarts with its state: the visitor comes back to the same chat and goes on', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    const chatId = visitor.store.state.value.currentChatId;
    await site.restart();
    void visitor.store.actions.send('after the restart');
    await shows(visitor, ['hello', 'after the restart']);
    expect(visitor.store.state.value.currentChatId).toBe(chatId);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'after the restart']);
  });

  it('the page reloads mid-send: the new page sends what the server lacks, once', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    void visitor.store.actions.send('in flight');
    visitor.close();
    const later = load(browser);
    void later.store.actions.send('after the reload');
    await shows(later, ['hello', 'in flight', 'after the reload']);
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(['hello', 'in flight', 'after the reload']);
  });

  it('the page reloads while offline: the persisted outbox is sent by the next page', async () => {
    site = await startSite();
    const { visitor, browser } = await chatting();
    await site.restart(() => {
      void visitor.store.actions.send('typed offline');
      expect(JSON.parse(browser.storage!.getItem('chatlet_outbox_12345') ?? '[]')).toHaveLength(1);
      visitor.close();
    });
    const later = load(browser);
    await shows(later, ['hello', 'typed offline']);
    expect(browser.storage!.getItem('chatlet_outbox_12345')).toBeNull();
  });
});
