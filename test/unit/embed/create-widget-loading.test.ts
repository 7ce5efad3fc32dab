import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../../src/embed/create-widget';
import { launcherKit } from '../../../src/embed/launcher-kit';
import { REOPEN_MS } from '../../../src/embed/ongoing-chat';
import { ongoingChatKey } from '../../../src/embed/ongoing-chat-key';
import type { Tabs } from '../../../src/chat/tab-start';
import { fakeApp, launcher, type FakeApp } from './fake-app';

let app: FakeApp;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  app = fakeApp();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  document.body.innerHTML = '';
  localStorage.clear();
});
afterEach(() => {
  errors.mockRestore();
  vi.useRealTimers();
});

describe('createWidget loading', () => {
  it('loads the app on hover and starts it once loaded (consent granted), replacing its launcher', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    const ready = vi.fn();
    widget.on('ready', ready);
    widget.init();
    launcher()!.dispatchEvent(new Event('pointerenter'));
    launcher()!.dispatchEvent(new Event('pointerenter'));
    expect(app.loads).toBe(1);
    await app.finish();
    expect(app.started).toHaveLength(1);
    expect(app.started[0]!.visibility).toBe('minimized');
    expect(launcher()).toBeNull();
    expect(ready).toHaveBeenCalledWith({
      state: { availability: 'offline', visibility: 'minimized' },
      customerData: expect.objectContaining({ id: '', status: 'browsing' }),
    });
  });

  it("starts the app once it knows where the tab stands among the visitor's tabs, and hands it that; destroyed meanwhile, it lets the lead go", async () => {
    for (const destroyed of [false, true]) {
      app = fakeApp();
      let found!: (tabs: Tabs) => void;
      app.tabs = new Promise((resolve) => (found = resolve));
      const tabs = { join: vi.fn(), leave: vi.fn() };
      const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
      widget.init();
      launcher()!.dispatchEvent(new Event('pointerenter'));
      await app.finish();
      expect(app.started).toHaveLength(0);
      if (destroyed) widget.destroy();
      found(tabs);
      await app.finish();
      expect(app.started.map((c) => c.tabs)).toEqual(destroyed ? [] : [tabs]);
      expect(tabs.leave).toHaveBeenCalledTimes(destroyed ? 1 : 0);
      widget.destroy();
    }
  });

  it('honours a click made while loading: the app starts maximized', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    launcher()!.dispatchEvent(new Event('pointerenter'));
    launcher()!.click();
    expect(launcher()!.ariaBusy).toBe('true');
    expect(widget.get('state').visibility).toBe('maximized');
    await app.finish();
    expect(app.started[0]!.visibility).toBe('maximized');
  });

  it('with consent on-interaction loads on hover but starts only when the visitor opens', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, consent: 'on-interaction' });
    widget.init();
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await app.finish();
    expect(app.started).toHaveLength(0);
    expect(localStorage.length).toBe(0);
    launcher()!.click();
    await app.finish();
    expect(app.started).toHaveLength(1);
    expect(app.loads).toBe(1);
  });

  it('does not preload under saveData, but a click still loads', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    try {
      const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
      widget.init();
      launcher()!.dispatchEvent(new Event('pointerenter'));
      launcher()!.dispatchEvent(new Event('focus'));
      expect(app.loads).toBe(0);
      launcher()!.click();
      expect(app.loads).toBe(1);
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });

  it('loads on idle when the visitor has an ongoing chat, and cancels that on destroy', async () => {
    vi.useFakeTimers();
    localStorage.setItem(ongoingChatKey(7, 2), '1');
    const widget = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
    widget.init();
    expect(app.loads).toBe(0);
    vi.runAllTimers();
    expect(app.loads).toBe(1);
    widget.destroy();

    const other = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
    other.init();
    other.destroy();
    vi.runAllTimers();
    expect(app.loads).toBe(1);
  });

  it('opens on idle a chat whose panel was open on the last page, without taking focus', async () => {
    vi.useFakeTimers();
    localStorage.setItem(ongoingChatKey(7, 2), String(Date.now() - 5000));
    const changes: unknown[] = [];
    const widget = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
    widget.on('visibility_changed', (p) => changes.push(p));
    widget.init();
    expect(widget.get('state').visibility).toBe('minimized');
    vi.runAllTimers();
    expect(widget.get('state').visibility).toBe('maximized');
    expect(changes).toEqual([{ visibility: 'maximized' }]);
    vi.useRealTimers();
    await app.finish();
    expect(app.started[0]).toMatchObject({ visibility: 'maximized', focus: false });
  });

  it('leaves minimized, but loads, a chat whose panel was left open too long ago (or marked the old way)', () => {
    vi.useFakeTimers();
    for (const mark of [String(Date.now() - REOPEN_MS - 1000), '2']) {
      localStorage.setItem(ongoingChatKey(7, 2), mark);
      const widget = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
      widget.init();
      vi.runAllTimers();
      expect(widget.get('state').visibility, mark).toBe('minimized');
      widget.destroy();
    }
    expect(app.loads).toBe(2);
  });

  it('leaves a widget the page hid, or configured hidden, hidden on idle, but loads the chat', () => {
    vi.useFakeTimers();
    localStorage.setItem(ongoingChatKey(7, 2), String(Date.now()));
    const hidden = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2, visibility: 'hidden' });
    hidden.init();
    const hiddenLater = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
    hiddenLater.init();
    hiddenLater.hide();
    vi.runAllTimers();
    expect([hidden.get('state').visibility, hiddenLater.get('state').visibility]).toEqual(['hidden', 'hidden']);
    expect(app.loads).toBe(2);
  });

  it('ignores a storage value it did not write', () => {
    vi.useFakeTimers();
    localStorage.setItem(ongoingChatKey(7, 2), 'open please');
    const widget = createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 });
    widget.init();
    vi.runAllTimers();
    expect(widget.get('state').visibility).toBe('minimized');
    expect(app.loads).toBe(0);
  });

  it('reads storage for an ongoing chat only on idle, not while the page loads', () => {
    vi.useFakeTimers();
    const read = vi.spyOn(localStorage, 'getItem');
    try {
      createWidget(app.load, launcherKit, { licenseId: 7, groupId: 2 }).init();
      expect(read).not.toHaveBeenCalled();
      vi.runAllTimers();
      expect(read).toHaveBeenCalledWith(ongoingChatKey(7, 2));
      expect(app.loads).toBe(0);
    } finally {
      read.mockRestore();
    }
  });

  it('keeps its launcher until the app says its UI is on the page', async () => {
    app.mountLater = true;
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    widget.maximize();
    await app.finish();
    expect(app.started).toHaveLength(1);
    expect(launcher()).not.toBeNull();
    app.started[0]!.mounted();
    expect(launcher()).toBeNull();
  });

  it('reports an app that cannot start and keeps its launcher', async () => {
    app.startError = new Error('no WebSocket here');
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    const ready = vi.fn();
    widget.on('ready', ready);
    widget.init();
    widget.maximize();
    await app.finish();
    expect(errors).toHaveBeenCalledWith('chatlet: could not start the chat (Error: no WebSocket here)');
    expect(launcher()).not.toBeNull();
    expect(ready).not.toHaveBeenCalled();
  });

  it('reports a failed load and retries on the next open', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    widget.maximize();
    await app.finish(new Error('offline'));
    expect(errors).toHaveBeenCalledWith('chatlet: could not load the chat (Error: offline)');
    expect(launcher()!.ariaBusy).toBeNull();
    widget.minimize();
    widget.maximize();
    await app.finish();
    expect(app.started).toHaveLength(1);
  });

  it('waits for blur or a click before replacing a launcher that has keyboard focus', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    launcher()!.focus();
    await app.finish();
    expect(app.started).toHaveLength(0);
    launcher()!.blur();
    await app.finish();
    expect(app.started).toHaveLength(1);
    expect(app.started[0]!.focus).toBe(false);
  });

  it('is safe to destroy while a focused launcher waits for blur (removal may fire it)', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    launcher()!.focus();
    await app.finish();
    widget.destroy();
    launcher()?.dispatchEvent(new Event('blur'));
    await app.finish();
    expect(app.started).toHaveLength(0);
    expect(errors).not.toHaveBeenCalled();
  });

  it('asks the app to take the focus when its launcher had it', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
    widget.init();
    launcher()!.focus();
    launcher()!.click();
    await app.finish();
    expect(app.started[0]!.focus).toBe(true);

    const handedOver = fakeApp();
    const next = createWidget(handedOver.load, launcherKit, { licenseId: 1 }, true);
    next.init();
    next.maximize();
    await handedOver.finish();
    expect(handedOver.started[0]!.focus).toBe(true);
  });
});
