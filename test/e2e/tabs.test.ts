// One connection for all of a visitor's tabs (issue 20), in Chromium: pages of one browser context
// elect a leader, only it holds a WebSocket, and every tab chats through it.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launcherOf } from './helpers';
import { until } from './journey-helpers';
import { countIn, openTab, seededVisitor, startTabsSite, watchSockets, type TabsSite } from './tabs-site';

let env: TabsSite;
beforeAll(async () => void (env = await startTabsSite()));
afterAll(() => env?.close());

describe("a visitor's tabs", () => {
  it("share one socket: the agent's message shows in every tab, a message from a follower reaches the agent once", async () => {
    const { context, chat } = await seededVisitor(env);
    const sockets = watchSockets(context);
    try {
      const tabs = [];
      for (let i = 0; i < 3; i++) tabs.push(await openTab(env, context, chat.newest));
      expect(sockets.opened).toBe(1);
      expect(env.customerSockets()).toBe(1);

      env.agent.send(chat.chatId, 'Hello from the agent');
      for (const tab of tabs) await tab.log.getByText('Hello from the agent').waitFor();

      const composer = tabs[2]!.widget.locator('textarea');
      await composer.fill('Sent from the third tab');
      await composer.press('Enter');
      await until(() => env.messages(chat.chatId).includes('Sent from the third tab'), 'the message at the agent');
      for (const tab of tabs) await tab.log.getByText('Sent from the third tab').waitFor();
      await tabs[0]!.page.waitForTimeout(300);
      expect(env.messages(chat.chatId).filter((t) => t === 'Sent from the third tab')).toHaveLength(1);
      for (const tab of tabs) {
        expect(await countIn(tab, 'Sent from the third tab')).toBe(1);
        expect(await countIn(tab, 'Hello from the agent')).toBe(1);
      }
      expect(sockets.opened).toBe(1);
    } finally {
      await context.close();
    }
  });

  it.each(['closes', 'crashes'])('hand over within 2 s when the leading tab %s, and a message sent meanwhile arrives once', async (how) => {
    const { context, chat } = await seededVisitor(env);
    const sockets = watchSockets(context);
    try {
      const [leader, b, c] = [await openTab(env, context, chat.newest), await openTab(env, context, chat.newest), await openTab(env, context, chat.newest)];
      const before = env.server.control!.connections().filter((x) => x.kind === 'customer').map((x) => x.id);
      if (how === 'crashes') {
        const crashed = new Promise((resolve) => leader.page.once('crash', resolve));
        // The command never answers: the page is gone.
        void (await context.newCDPSession(leader.page)).send('Page.crash').catch(() => undefined);
        await crashed;
      } else await leader.page.close();
      const closedAt = Date.now();
      const composer = b!.widget.locator('textarea');
      await composer.fill('Sent during the hand-over');
      await composer.press('Enter');
      await until(
        () => env.server.control!.connections().some((x) => x.kind === 'customer' && x.userId !== undefined && !before.includes(x.id)),
        'a new logged-in customer connection',
        5_000,
      );
      expect(Date.now() - closedAt).toBeLessThan(2_000);
      await until(() => env.messages(chat.chatId).includes('Sent during the hand-over'), 'the message at the agent');
      env.agent.send(chat.chatId, 'After the hand-over');
      for (const tab of [b!, c!]) await tab.log.getByText('After the hand-over').waitFor();
      await b!.page.waitForTimeout(300);
      expect(env.messages(chat.chatId).filter((t) => t === 'Sent during the hand-over')).toHaveLength(1);
      for (const tab of [b!, c!]) expect(await countIn(tab, 'Sent during the hand-over')).toBe(1);
      // The closed tab's socket and the new leader's: Playwright may not report a closed page's socket closing.
      expect([sockets.opened, env.customerSockets()]).toEqual([2, 1]);
      expect(sockets.most).toBeLessThanOrEqual(2);
    } finally {
      await context.close();
    }
  });
});

describe('what each tab loads', () => {
  /** The `dist/` chunks of the tabs' code (`tab-client`, `tab-serve`) that `page` requested so far. */
  const tabChunks = (page: Page) =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.match(/chatlet-embed-(tab-\w+)-/)?.[1])
        .filter((x) => x !== undefined),
    );

  it("a lone tab leads on its own socket without the tabs' relay code; a tab that joins loads the follower's before it connects, and its message goes out once while the leader's serving code is still on its way", async () => {
    const { context, chat } = await seededVisitor(env);
    const sockets = watchSockets(context);
    try {
      const leader = await openTab(env, context, chat.newest);
      // Past the idle prefetch of the panel's parts: a lone tab never needs either chunk.
      await leader.page.waitForTimeout(1_500);
      expect(await tabChunks(leader.page)).toEqual([]);
      expect(sockets.opened).toBe(1);

      // The leader's serving code arrives 1.5 s after the joining tab asked for it.
      let [served, arrived] = [0, false];
      await leader.page.route('**/chatlet-embed-tab-serve-*', async (route) => {
        served++;
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        arrived = true;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(env.site.url + '/script-tag.html');
      await page.waitForFunction(() => typeof (window as any).chatlet === 'function');
      await page.evaluate(() => (window as any).chatlet('maximize'));
      const follower = { page, widget: page.locator('chatlet-widget'), log: page.locator('chatlet-widget [role="log"]') };
      const composer = follower.widget.locator('textarea');
      await composer.fill('Sent before the leader could serve');
      await composer.press('Enter');
      // Queued in the joining tab before the leader could answer it.
      expect(arrived).toBe(false);
      expect(await tabChunks(page)).toEqual(['tab-client']);
      await until(() => served === 1, "the leader's serving code asked for");

      await until(() => env.messages(chat.chatId).includes('Sent before the leader could serve'), 'the message at the agent', 10_000);
      for (const tab of [leader, follower]) await tab.log.getByText('Sent before the leader could serve').waitFor();
      env.agent.send(chat.chatId, 'To both tabs');
      for (const tab of [leader, follower]) await tab.log.getByText('To both tabs').waitFor();
      await page.waitForTimeout(300);
      expect(env.messages(chat.chatId).filter((t) => t === 'Sent before the leader could serve')).toHaveLength(1);
      for (const tab of [leader, follower]) expect(await countIn(tab, 'Sent before the leader could serve')).toBe(1);
      expect(await tabChunks(leader.page)).toEqual(['tab-serve']);
      expect([sockets.opened, env.customerSockets()]).toEqual([1, 1]);
    } finally {
      await context.close();
    }
  });
});

describe("a visitor's file attached in a follower tab", () => {
  it('is uploaded by the leader, reaches the agent once and shows in every tab; a hand-over during its upload neither loses nor doubles it', async () => {
    // No IndexedDB: the bytes can only reach the leader, and the next one, with the entry, over the tabs' channel.
    const { context, chat } = await seededVisitor(env, () => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const sockets = watchSockets(context);
    const files = () =>
      env.server.store.chats
        .get(chat.chatId)!
        .threads.flatMap((t) => t.events)
        .filter((e) => e.type === 'file' && e.name === 'follower.txt');
    // The first upload never answers: it is under way when its tab goes.
    const uploads: Page[] = [];
    await context.route('**/upload_file*', async (route) => {
      uploads.push(route.request().frame().page());
      if (uploads.length > 1) await route.continue();
    });
    try {
      const [leader, b, c] = [await openTab(env, context, chat.newest), await openTab(env, context, chat.newest), await openTab(env, context, chat.newest)];
      await c!.widget.locator('input[type=file]').setInputFiles({ name: 'follower.txt', mimeType: 'text/plain', buffer: Buffer.from('from a follower') });
      await until(() => uploads.length === 1, 'the upload under way');
      expect(uploads[0]).toBe(leader.page);
      for (const tab of [leader, b!, c!]) await tab.log.getByText('follower.txt').waitFor();

      await leader.page.close();
      const [file] = await until(() => files().length > 0 && files(), 'the file at the agent', 10_000);
      expect(file).toMatchObject({ size: 15, content_type: 'text/plain' });
      expect(uploads.slice(1)).toHaveLength(1);
      expect([b!.page, c!.page]).toContain(uploads[1]);
      for (const tab of [b!, c!]) await tab.widget.getByRole('link', { name: 'Download follower.txt' }).waitFor();
      await b!.page.waitForTimeout(300);
      expect(files()).toHaveLength(1);
      for (const tab of [b!, c!]) expect(await tab.widget.getByText('follower.txt').count()).toBe(1);
      expect([sockets.opened, env.customerSockets()]).toEqual([2, 1]);
    } finally {
      await context.close();
    }
  });
});

describe("consent 'on-interaction'", () => {
  it('keeps a tab out of the shared connection until the visitor opens the chat there, then it joins the one socket', async () => {
    const { context, chat } = await seededVisitor(env);
    const sockets = watchSockets(context);
    try {
      const open = async () => {
        const page = await context.newPage();
        await page.goto(env.site.url + '/consent.html');
        const widget = page.locator('chatlet-widget');
        return { page, widget, log: widget.locator('[role="log"]') };
      };
      const a = await open();
      await launcherOf(a.page).click();
      await a.log.getByText(chat.newest).waitFor();
      // Minimized: a page opened a moment after a chat was left open opens it (a navigation, as the visitor meant).
      await a.page.evaluate(() => (window as any).chatlet('minimize'));
      const b = await open();
      // Hovering loads the chat's code in the other tab; without consent it neither connects nor follows.
      const chunk = b.page.waitForResponse((r) => r.url().includes('chatlet-embed.mjs'));
      await launcherOf(b.page).hover();
      await chunk;
      env.agent.send(chat.chatId, 'Only where the visitor consented');
      await a.widget.locator('button[aria-label="Open chat, 1 unread"]').waitFor();
      await b.page.waitForTimeout(300);
      expect([sockets.opened, env.customerSockets()]).toEqual([1, 1]);
      // No conversation and no unread count: it heard nothing from the tab that leads.
      expect(await b.log.count()).toBe(0);
      expect(await launcherOf(b.page).count()).toBe(1);

      await launcherOf(b.page).click();
      await b.log.getByText('Only where the visitor consented').waitFor();
      // Read there, read in the tab that leads too.
      await launcherOf(a.page).waitFor();
      expect([sockets.opened, env.customerSockets()]).toEqual([1, 1]);
    } finally {
      await context.close();
    }
  });
});

describe.each([
  ['Web Locks', () => Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined })],
  ['BroadcastChannel', () => Object.defineProperty(window, 'BroadcastChannel', { value: undefined })],
])('without %s', (_, remove) => {
  it('each tab chats on a socket of its own, as before', async () => {
    const { context, chat } = await seededVisitor(env, remove);
    const sockets = watchSockets(context);
    try {
      const tabs = [await openTab(env, context, chat.newest), await openTab(env, context, chat.newest)];
      expect([sockets.opened, env.customerSockets()]).toEqual([2, 2]);
      env.agent.send(chat.chatId, 'To every socket');
      for (const tab of tabs) await tab.log.getByText('To every socket').waitFor();
      for (const [i, tab] of tabs.entries()) {
        const composer = tab.widget.locator('textarea');
        await composer.fill(`From tab ${i}`);
        await composer.press('Enter');
      }
      for (const tab of tabs) for (const i of [0, 1]) await tab.log.getByText(`From tab ${i}`).waitFor();
      await tabs[0]!.page.waitForTimeout(300);
      expect(env.messages(chat.chatId).filter((t) => t.startsWith('From tab'))).toEqual(['From tab 0', 'From tab 1']);
      for (const tab of tabs) for (const i of [0, 1]) expect(await countIn(tab, `From tab ${i}`)).toBe(1);
    } finally {
      await context.close();
    }
  });
});
