// Attention across a visitor's tabs (issue 20), in Chromium: the chime plays in one tab only, the one
// the visitor used, never before they used the widget, and not while muted; `titleBadge` counts the
// unread messages in the page's title and puts the title back; drafts follow the visitor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from './journey-helpers';
import { openTab, seededVisitor, startTabsSite, type Tab, type TabsSite } from './tabs-site';

let env: TabsSite;
beforeAll(async () => void (env = await startTabsSite()));
afterAll(() => env?.close());

/** Counts the audio contexts made and the notes started (the chime plays two). */
function countSound() {
  const w = window as any;
  w.sound = { contexts: 0, notes: 0 };
  const Real = w.AudioContext;
  w.AudioContext = class extends Real {
    constructor(...args: unknown[]) {
      super(...args);
      w.sound.contexts++;
    }
    createOscillator() {
      const osc = super.createOscillator();
      const start = osc.start.bind(osc);
      osc.start = (...args: unknown[]) => {
        w.sound.notes++;
        return start(...args);
      };
      return osc;
    }
  };
}
const NOTES = 2;
const sound = (tab: Tab) => tab.page.evaluate(() => (window as any).sound as { contexts: number; notes: number });
const unread = (tab: Tab, count: number) => tab.widget.locator(`button[aria-label="Open chat, ${count} unread"]`).waitFor();
const minimize = (tab: Tab) => tab.page.evaluate(() => (window as any).chatlet('minimize'));

describe('the chime', () => {
  it('plays in exactly one tab, the one the visitor last used, never before they used the widget, and not while muted', async () => {
    const { context, chat } = await seededVisitor(env, countSound);
    try {
      const tabs = [await openTab(env, context, chat.newest), await openTab(env, context, chat.newest), await openTab(env, context, chat.newest)];
      for (const tab of tabs) await minimize(tab);
      env.agent.send(chat.chatId, 'Before anyone used the widget');
      for (const tab of tabs) await unread(tab, 1);
      await tabs[0]!.page.waitForTimeout(300);
      for (const tab of tabs) expect(await sound(tab)).toEqual({ contexts: 0, notes: 0 });

      // The visitor opens the chat in the second tab, reads, and minimizes it again.
      const [, used, other] = tabs as [Tab, Tab, Tab];
      await used.widget.locator('button[aria-label="Open chat, 1 unread"]').click();
      await used.widget.locator('.hd button[aria-label="Minimize chat"]').click();
      // Read there, read everywhere.
      for (const tab of tabs) await tab.widget.locator('button[aria-label="Open chat"]').waitFor();
      env.agent.send(chat.chatId, 'After the visitor used it');
      for (const tab of tabs) await unread(tab, 1);
      await until(async () => (await sound(used)).notes === NOTES, 'the chime in the tab the visitor used');
      await used.page.waitForTimeout(300);
      expect(await Promise.all(tabs.map(sound))).toEqual([
        { contexts: 0, notes: 0 },
        { contexts: 1, notes: NOTES },
        { contexts: 0, notes: 0 },
      ]);

      // Muted from another tab's menu: that tab is the one used now, and the setting reaches every tab.
      await other.page.evaluate(() => (window as any).chatlet('maximize'));
      await other.widget.locator('button[aria-label="Chat options"]').click();
      const item = other.widget.getByRole('menuitemcheckbox', { name: 'Sound notifications' });
      expect(await item.getAttribute('aria-checked')).toBe('true');
      await item.click();
      await other.widget.locator('.hd button[aria-label="Minimize chat"]').click();
      env.agent.send(chat.chatId, 'While muted');
      for (const tab of tabs) await unread(tab, 1);
      await used.page.waitForTimeout(500);
      expect((await Promise.all(tabs.map(sound))).map((s) => s.notes)).toEqual([0, NOTES, 0]);

      await other.page.evaluate(() => (window as any).chatlet('maximize'));
      await other.widget.locator('button[aria-label="Chat options"]').click();
      expect(await item.getAttribute('aria-checked')).toBe('false');
      await item.click();
      await other.widget.locator('.hd button[aria-label="Minimize chat"]').click();
      env.agent.send(chat.chatId, 'Unmuted');
      await until(async () => (await sound(other)).notes === NOTES, 'the chime in the tab used last');
      await other.page.waitForTimeout(300);
      expect((await Promise.all(tabs.map(sound))).map((s) => s.notes)).toEqual([0, NOTES, NOTES]);
    } finally {
      await context.close();
    }
  });
});

describe('titleBadge', () => {
  it('counts unread messages in the title of every tab, and puts the title back when read in one, or on destroy', async () => {
    const { context, chat } = await seededVisitor(env);
    try {
      const [a, b] = [await openTab(env, context, chat.newest, '/title-badge.html'), await openTab(env, context, chat.newest, '/title-badge.html')];
      for (const tab of [a, b]) await minimize(tab);
      env.agent.send(chat.chatId, 'One');
      env.agent.send(chat.chatId, 'Two');
      for (const tab of [a, b]) await until(async () => (await tab.page.title()) === '(2) Title badge', 'the badge');
      // A title the page sets meanwhile is badged too, and left in place.
      await b.page.evaluate(() => (document.title = 'Another route'));
      await until(async () => (await b.page.title()) === '(2) Another route', 'the badge on the new title');
      await a.page.evaluate(() => (window as any).chatlet('maximize'));
      await until(async () => (await a.page.title()) === 'Title badge', 'the title back in the tab that read');
      await until(async () => (await b.page.title()) === 'Another route', 'the title back in the other tab');
      await a.page.evaluate(() => (window as any).chatlet('minimize'));
      env.agent.send(chat.chatId, 'Three');
      await until(async () => (await a.page.title()) === '(1) Title badge', 'the badge again');
      await a.page.evaluate(() => (window as any).chatlet('destroy'));
      expect(await a.page.title()).toBe('Title badge');
    } finally {
      await context.close();
    }
  });

  it('leaves the title alone unless asked', async () => {
    const { context, chat } = await seededVisitor(env);
    try {
      const tab = await openTab(env, context, chat.newest);
      await minimize(tab);
      env.agent.send(chat.chatId, 'Unread');
      await unread(tab, 1);
      expect(await tab.page.title()).toBe('Script tag');
    } finally {
      await context.close();
    }
  });
});

describe('drafts', () => {
  it("come back on the tab's next page, and show in the other tabs' composers only while they are empty or show another tab's draft", async () => {
    const { context, chat } = await seededVisitor(env);
    try {
      const [a, b, c] = [await openTab(env, context, chat.newest), await openTab(env, context, chat.newest), await openTab(env, context, chat.newest)];
      await c.widget.locator('textarea').fill('My own words');
      await until(async () => (await a.widget.locator('textarea').inputValue()) === 'My own words', 'the first draft in an empty composer');
      await a.widget.locator('textarea').fill('Half a thought');
      await until(async () => (await b.widget.locator('textarea').inputValue()) === 'Half a thought', 'the draft in the other tab');
      // A composer showing what the visitor typed there keeps it.
      await c.page.waitForTimeout(300);
      expect(await c.widget.locator('textarea').inputValue()).toBe('My own words');
      await a.page.goto(env.site.url + '/title-badge.html');
      await a.page.evaluate(() => (window as any).chatlet('maximize'));
      await until(async () => (await a.widget.locator('textarea').inputValue().catch(() => '')) === 'Half a thought', 'the draft on the next page');
    } finally {
      await context.close();
    }
  });
});
