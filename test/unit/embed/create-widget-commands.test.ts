import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../../src/embed/create-widget';
import { launcherKit } from '../../../src/embed/launcher-kit';
import { fakeApp, type FakeApp } from './fake-app';

let app: FakeApp;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  app = fakeApp();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  document.body.innerHTML = '';
});
afterEach(() => errors.mockRestore());

const started = async (config = {}) => {
  const widget = createWidget(app.load, launcherKit, { licenseId: 1, ...config });
  widget.init();
  widget.preload();
  await app.finish();
  return { widget, context: app.started[0]! };
};

describe('createWidget commands', () => {
  it('remembers commands called before init and hands them to the app', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, customer: { name: 'Config', email: 'c@x.io' } });
    widget.setCustomerName('Ann');
    widget.setSessionVariables({ plan: 'pro' });
    widget.updatePage({ url: 'https://shop.example/cart', title: 'Cart' });
    widget.maximize({ messageDraft: 'Hello' });
    expect(app.loads).toBe(0);
    widget.init();
    await app.finish();
    const context = app.started[0]!;
    expect(context.visibility).toBe('maximized');
    expect(context.messageDraft).toBe('Hello');
    expect(context.customer).toEqual({ name: 'Ann', fields: { plan: 'pro' } });
    expect(context.config.customer).toEqual({ name: 'Config', email: 'c@x.io' });
    expect(context.page).toEqual({ url: 'https://shop.example/cart', title: 'Cart' });
  });

  it('forwards commands to the running app', async () => {
    const { widget } = await started();
    widget.maximize({ messageDraft: 'Hi' });
    widget.hide();
    widget.setCustomerName('Ann');
    widget.setCustomerEmail('ann@example.com');
    widget.setSessionVariables({ a: '1' });
    widget.updatePage({ url: 'https://x.example/a' });
    expect(app.handle.setVisibility.mock.calls).toEqual([
      ['maximized', 'Hi'],
      ['hidden', undefined],
    ]);
    expect(app.handle.setCustomer.mock.calls).toEqual([[{ name: 'Ann' }], [{ email: 'ann@example.com' }], [{ fields: { a: '1' } }]]);
    expect(app.handle.updatePage).toHaveBeenCalledWith({ url: 'https://x.example/a', title: undefined });
  });

  it.each([
    ['maximize', [42], 'chatlet: maximize expects {messageDraft?: string} (got 42)'],
    ['maximize', [{ messageDraft: 1 }], 'chatlet: maximize expects {messageDraft?: string} (got {"messageDraft":1})'],
    ['setCustomerName', [null], 'chatlet: set_customer_name expects a string (got null)'],
    ['setCustomerEmail', ['not an email'], 'chatlet: set_customer_email expects an email address (got "not an email")'],
    ['setSessionVariables', [{ n: 1 }], 'chatlet: set_session_variables expects an object of strings (got {"n":1})'],
    ['updatePage', [{ title: 'x' }], 'chatlet: update_page expects {url: string, title?: string} (got {"title":"x"})'],
    ['get', ['everything'], 'chatlet: unknown getter "everything"; getters: state, customer_data, chat_data'],
    ['on', ['click', () => {}], expect.stringMatching(/^chatlet: unknown event "click"; events: ready, visibility_changed/)],
    ['on', ['ready', 'fn'], 'chatlet: on("ready") expects a function (got "fn")'],
  ])('%s(%j) logs one clear error and changes nothing', async (method, args, message) => {
    const { widget } = await started();
    const before = JSON.stringify([widget.get('state'), widget.get('customer_data')]);
    (widget as any)[method](...args);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledWith(message);
    expect(JSON.stringify([widget.get('state'), widget.get('customer_data')])).toBe(before);
    expect(app.handle.setVisibility).not.toHaveBeenCalled();
    expect(app.handle.setCustomer).not.toHaveBeenCalled();
    expect(app.handle.updatePage).not.toHaveBeenCalled();
  });

  it('returns sensible defaults from getters before the app loads, then the app’s data', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, customer: { email: 'a@b.c', fields: { plan: 'pro' } } });
    expect(widget.get('state')).toEqual({ availability: 'offline', visibility: 'minimized' });
    widget.init();
    widget.setCustomerName('Ann');
    expect(widget.get('customer_data')).toEqual({
      id: '',
      name: 'Ann',
      email: 'a@b.c',
      isReturning: false,
      status: 'browsing',
      sessionVariables: { plan: 'pro' },
    });
    expect(widget.get('chat_data')).toEqual({ chatId: '', threadId: '' });
    widget.preload();
    await app.finish();
    app.handle.get.mockImplementation((name: string) =>
      name == 'chat_data' ? { chatId: 'C1', threadId: 'T1' } : { id: 'U1', isReturning: true, status: 'chatting' },
    );
    expect(widget.get('chat_data')).toEqual({ chatId: 'C1', threadId: 'T1' });
    // The app answers what only it knows; what the page set still comes from the widget.
    widget.setSessionVariables({ plan: 'max' });
    expect(widget.get('customer_data')).toEqual({
      id: 'U1',
      name: 'Ann',
      email: 'a@b.c',
      isReturning: true,
      status: 'chatting',
      sessionVariables: { plan: 'max' },
    });
  });

  it('emits visibility_changed on each change (API or UI), once, and tracks availability from the app', async () => {
    const { widget, context } = await started();
    const changes = vi.fn();
    widget.on('visibility_changed', changes);
    widget.maximize();
    widget.maximize();
    context.emit('visibility_changed', { visibility: 'minimized' }); // the visitor minimized it
    widget.hide();
    expect(changes.mock.calls).toEqual([[{ visibility: 'maximized' }], [{ visibility: 'minimized' }], [{ visibility: 'hidden' }]]);
    context.emit('availability_changed', { availability: 'online' });
    expect(widget.get('state')).toEqual({ availability: 'online', visibility: 'hidden' });
  });

  it('on() returns an unsubscribe; off() removes; a throwing handler does not stop the others', async () => {
    const { widget, context } = await started();
    const first = vi.fn(() => {
      throw new Error('boom');
    });
    const second = vi.fn();
    const third = vi.fn();
    const off = widget.on('unread_changed', first);
    widget.on('unread_changed', second);
    widget.on('unread_changed', third);
    context.emit('unread_changed', { count: 2 });
    expect(second).toHaveBeenCalledWith({ count: 2 });
    expect(errors).toHaveBeenCalledTimes(1);
    off();
    widget.off('unread_changed', third);
    context.emit('unread_changed', { count: 3 });
    expect(first).toHaveBeenCalledTimes(1);
    expect(third).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('calls a late ready handler once the app runs, asynchronously, unless unsubscribed first', async () => {
    const { widget } = await started();
    const late = vi.fn();
    const cancelled = vi.fn();
    widget.on('ready', late);
    widget.on('ready', cancelled)();
    expect(late).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(late).toHaveBeenCalledWith(expect.objectContaining({ state: expect.any(Object) }));
    expect(cancelled).not.toHaveBeenCalled();
  });

  it('keeps two widgets apart', async () => {
    const other = fakeApp();
    const a = createWidget(app.load, launcherKit, { licenseId: 1 });
    const b = createWidget(other.load, launcherKit, { licenseId: 2, groupId: 3 });
    a.init();
    b.init();
    const seenByA = vi.fn();
    a.on('new_event', seenByA);
    b.maximize();
    a.preload();
    await app.finish();
    await other.finish();
    expect(app.started[0]!.config.licenseId).toBe(1);
    expect(other.started[0]!.config).toMatchObject({ licenseId: 2, groupId: 3 });
    expect(a.get('state').visibility).toBe('minimized');
    other.started[0]!.emit('new_event', { timestamp: 1, type: 'message', author: { id: 'x', type: 'agent' } });
    expect(seenByA).not.toHaveBeenCalled();
    b.destroy();
    expect(document.querySelectorAll('chatlet-widget')).toHaveLength(1);
    expect(app.handle.dispose).not.toHaveBeenCalled();
  });
});
