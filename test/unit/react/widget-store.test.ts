// The React hooks' source of truth, without React: a real widget (with a fake app chunk) and the
// snapshot that follows its events.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../../src/embed/create-widget';
import { launcherKit } from '../../../src/embed/launcher-kit';
import type { ChatWidget } from '../../../src/embed/types';
import { createWidgetStore, noWidget } from '../../../src/react/widget-store';
import { fakeApp, type FakeApp } from '../embed/fake-app';

let app: FakeApp;
beforeEach(() => {
  app = fakeApp();
  document.body.innerHTML = '';
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

const started = (config = {}) => {
  const widget = createWidget(app.load, launcherKit, { licenseId: 12345, ...config });
  widget.init();
  return widget;
};

describe('createWidgetStore', () => {
  it('is empty until it follows a widget, then reads its getters at once', () => {
    const store = createWidgetStore();
    expect(store.get()).toBe(noWidget);
    const widget = started({ customer: { name: 'Ann' } });
    const changes = vi.fn();
    store.subscribe(changes);
    store.attach(widget, () => {});
    expect(store.get()).toEqual({
      ...noWidget,
      widget,
      state: { availability: 'offline', visibility: 'minimized' },
      customerData: { id: '', name: 'Ann', email: '', isReturning: false, status: 'browsing', sessionVariables: {} },
    });
    expect(changes).toHaveBeenCalled();
  });

  it('takes in each event before the page’s handler sees it', async () => {
    const store = createWidgetStore();
    const widget = started();
    const seen: [string, boolean, number][] = [];
    store.attach(widget, (name) => seen.push([name, store.get().isReady, store.get().unreadCount]));
    widget.maximize();
    await app.finish();
    expect(store.get().isReady).toBe(true);
    expect(store.get().state).toEqual({ availability: 'offline', visibility: 'maximized' });
    app.started[0]!.emit('unread_changed', { count: 2 });
    expect(store.get().unreadCount).toBe(2);
    expect(seen).toEqual([
      ['visibility_changed', false, 0],
      ['ready', true, 0],
      ['unread_changed', true, 2],
    ]);
  });

  it('reads the chat and the customer again on every event, keeping parts whose content is the same', async () => {
    const store = createWidgetStore();
    const widget = started({ visibility: 'maximized' });
    store.attach(widget, () => {});
    await app.finish();
    const before = store.get();
    app.started[0]!.emit('connection_changed', { state: 'online' });
    // Nothing new: the same snapshot, so no hook re-renders.
    expect(store.get()).toBe(before);

    app.handle.get.mockImplementation((name: string) =>
      name == 'chat_data' ? { chatId: 'C1', threadId: 'T1' } : { id: 'cust-1', isReturning: false, status: 'chatting' },
    );
    app.started[0]!.emit('new_event', { timestamp: 1, type: 'message', author: { id: 'cust-1', type: 'customer' } });
    const after = store.get();
    expect(after.chatData).toEqual({ chatId: 'C1', threadId: 'T1' });
    expect(after.customerData).toMatchObject({ id: 'cust-1', status: 'chatting' });
    expect(after.state).toBe(before.state);
  });

  it('reads the customer again when asked (after the page set a name)', () => {
    const store = createWidgetStore();
    const widget = started();
    store.attach(widget, () => {});
    widget.setCustomerName('Bea');
    expect(store.get().customerData?.name).toBe('');
    store.refresh();
    expect(store.get().customerData?.name).toBe('Bea');
  });

  it('follows the greeting by LiveChat’s events', () => {
    const handlers = new Map<string, (payload: unknown) => void>();
    const widget = {
      on: (name: string, fn: (payload: unknown) => void) => (handlers.set(name, fn), () => handlers.delete(name)),
      get: (name: string) => (name == 'chat_data' ? { chatId: '', threadId: '' } : name == 'state' ? { availability: 'online', visibility: 'minimized' } : {}),
    } as unknown as ChatWidget;
    const store = createWidgetStore(['greeting_displayed', 'greeting_hidden']);
    const stop = store.attach(widget, () => {});
    handlers.get('greeting_displayed')!({ id: 7, uniqueId: 'g-7' });
    expect(store.get().greeting).toEqual({ id: 7, uniqueId: 'g-7' });
    handlers.get('greeting_hidden')!({ id: 7, uniqueId: 'g-7' });
    expect(store.get().greeting).toBeNull();
    stop();
    expect(handlers.size).toBe(0);
  });

  it('stops: empty again, deaf to the old widget, ready to follow the next one', async () => {
    const store = createWidgetStore();
    const first = started({ visibility: 'maximized' });
    const onEvent = vi.fn();
    const stop = store.attach(first, onEvent);
    await app.finish();
    stop();
    first.destroy();
    expect(store.get()).toBe(noWidget);
    app.started[0]!.emit('unread_changed', { count: 5 });
    expect(store.get()).toBe(noWidget);
    const calls = onEvent.mock.calls.length;

    const second = started();
    store.attach(second, onEvent);
    expect(store.get().widget).toBe(second);
    expect(store.get().isReady).toBe(false);
    expect(onEvent.mock.calls.length).toBe(calls);
  });
});
