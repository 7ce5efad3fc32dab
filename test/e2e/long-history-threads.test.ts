// Long histories as they really come, in Chromium: a chat of many threads (one per conversation
// session) opens on its last thread and loads the older ones as the visitor scrolls up; a chat of
// one huge thread arrives in one answer and goes into the store piece by piece. Either way every
// message passes through the list once, in order, from the newest to the oldest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { seedChat, type SeededChat } from '../bench/seed-chat';
import { DETACHED_LIMIT, detachedDivs, openSeededChat, startHistorySite, type HistorySite } from './history-site';
import { recordSockets, type SocketLog } from './helpers';

let env: HistorySite;
beforeAll(async () => void (env = await startHistorySite()));
afterAll(() => env?.close());

/** Scrolls the list to `top`, waits a frame and a task, and returns the message numbers shown, top down. */
function scrollTo(page: Page, top: number): Promise<number[]> {
  return page.evaluate(
    (top) =>
      new Promise<number[]>((resolve) => {
        const root = document.querySelector('chatlet-widget')!.shadowRoot!;
        const log = root.querySelector<HTMLElement>('[role="log"]')!;
        log.scrollTop = top;
        requestAnimationFrame(() =>
          setTimeout(() => {
            const texts = [...root.querySelectorAll<HTMLElement>('.item')].map((i) => i.textContent ?? '');
            resolve(texts.flatMap((t) => /message (\d+) of/.exec(t)?.[1] ?? []).map(Number));
          }, 20),
        );
      }),
    top,
  );
}

/**
 * Opens the seeded chat, scrolls up to its oldest message; returns every message number seen, and
 * how many `<div>`s the heap holds then.
 */
async function scrollThrough(chat: SeededChat, oldest: number): Promise<{ seen: Set<number>; divs: number }> {
  const { context, page } = await openSeededChat(env, chat);
  try {
    const seen = new Set<number>();
    // Near the top rather than at 0 each time, as a visitor scrolls: the list acts on scroll events.
    for (let step = 0; step < 400 && !seen.has(oldest); step++) {
      const shown = await scrollTo(page, [0, 12, 30, 47][step % 4]!);
      expect(shown, `step ${step}`).toEqual([...shown].sort((a, b) => a - b));
      for (const n of shown) seen.add(n);
    }
    return { seen, divs: await detachedDivs(page) };
  } finally {
    await context.close();
  }
}

/** The numbers of the seeded chat's messages (the system messages closing threads have none). */
function messageNumbers(chatId: string): number[] {
  const events = env.server.store.chats.get(chatId)!.threads.flatMap((t) => t.events);
  return events.flatMap((e) => (e.type === 'message' ? Number(/message (\d+) of/.exec(String(e.text))![1]) : []));
}

describe('long histories', () => {
  it('a chat of 12 threads: opens on the last one, then loads every older thread on the way up', async () => {
    const chat = await seedChat(env.server, 1_200, { threads: 12 });
    expect(chat.threadIds).toHaveLength(12);
    const { seen, divs } = await scrollThrough(chat, 1);
    expect([...seen].sort((a, b) => a - b)).toEqual(messageNumbers(chat.chatId));
    // Each older thread re-renders the list with new props; rows kept across that must not keep the
    // render they were made in (and through it every row of that render) reachable.
    expect(divs, 'detached div elements after scrolling 12 threads').toBeLessThan(DETACHED_LIMIT);
  });

  it('minimized, a long chat neither renders nor fetches older history, and reopens on its newest message', async () => {
    const chat = await seedChat(env.server, 600, { threads: 6 });
    let sockets!: SocketLog;
    const { context, page, widget, log } = await openSeededChat(env, chat, (page) => void (sockets = recordSockets(page)));
    try {
      const sentBefore = sockets.sent.length;
      await widget.locator('[role="dialog"] button[aria-label="Minimize chat"]').click();
      // An arrival renders the hidden list, whose view has no height then.
      env.agent.send(chat.chatId, 'while you were away');
      await expect.poll(() => log.evaluate((el) => el.textContent!.includes('while you were away'))).toBe(true);
      await page.waitForTimeout(300);
      const history = sockets.sent.slice(sentBefore).filter((f) => f.action.startsWith('get_chat_threads'));
      expect(history, 'history requests while minimized').toEqual([]);
      expect(await log.textContent()).toContain(chat.newest);

      await widget.locator('button[aria-label^="Open chat"]').click();
      await log.getByText('while you were away').waitFor();
      await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
    } finally {
      await context.close();
    }
  });

  it('a chat of one 1,500-event thread: the newest shows, and every older event gets there too', async () => {
    const chat = await seedChat(env.server, 1_500);
    const { seen, divs } = await scrollThrough(chat, 1);
    expect([...seen].sort((a, b) => a - b)).toEqual(messageNumbers(chat.chatId));
    expect(divs, 'detached div elements after scrolling 1,500 events').toBeLessThan(DETACHED_LIMIT);
  });
});
