// A connection that keeps dropping, in Chromium: the client reconnects and refetches the thread each
// time, the banner comes and goes, the list keeps up, and nothing is lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChat } from '../bench/seed-chat';
import { openSeededChat, startHistorySite, type HistorySite } from './history-site';
import { until } from './journey-helpers';

let env: HistorySite;
beforeAll(async () => void (env = await startHistorySite({ control: true })));
afterAll(() => env?.close());

describe('a connection that keeps dropping', () => {
  it('shows every message the agent writes in between, at the newest, and delivers a message typed while down once', async () => {
    const chat = await seedChat(env.server, 60);
    const control = env.server.control!;
    const customers = () => control.connections().filter((c) => c.kind === 'customer' && c.userId !== undefined);
    const { context, page, widget, log } = await openSeededChat(env, chat);
    try {
      // Enough rounds for the list's window to fill up and move on while the banner comes and goes
      // (the list once took the browser's scrolling then for the visitor's and stopped following).
      for (let round = 1; round <= 30; round++) {
        const before = new Set(customers().map((c) => c.id));
        control.drop((c) => c.kind === 'customer');
        await until(() => customers().some((c) => !before.has(c.id)), `login after drop ${round}`);
        env.agent.send(chat.chatId, `after drop ${round}`);
        await log.getByText(`after drop ${round}`, { exact: true }).waitFor({ timeout: 5_000 });
      }
      expect(await widget.locator('button.jump').count()).toBe(0);
      await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
      expect(customers()).toHaveLength(1);

      control.drop((c) => c.kind === 'customer');
      const composer = widget.locator('textarea');
      await composer.fill('typed while down');
      await composer.press('Enter');
      const stored = () => env.server.store.chats.get(chat.chatId)!.threads.flatMap((t) => t.events).filter((e) => e.type === 'message' && e.text === 'typed while down');
      await until(() => stored().length > 0, 'the message on the server');
      await log.getByText('typed while down').waitFor();
      await page.waitForTimeout(500);
      expect(stored()).toHaveLength(1);
      expect(await log.getByText('typed while down').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});
