import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../../src/embed/create-widget';
import { ongoingChatKey } from '../../../src/embed/ongoing-chat-key';
import { fakeApp, hosts, launcher, type FakeApp } from './fake-app';

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

describe('createWidget lifecycle', () => {
  it('draws only its host element, with an open shadow root holding the launcher', () => {
    const widget = createWidget(app.load, { licenseId: 12345 });
    widget.init();
    expect(document.body.children).toHaveLength(1);
    expect(hosts()[0]!.shadowRoot!.mode).toBe('open');
    expect(launcher()!.getAttribute('aria-label')).toBe('Open chat');
    expect(document.head.children).toHaveLength(0);
    expect(app.loads).toBe(0);
  });

  it('is idempotent: init twice and destroy twice leave one and then no host', () => {
    const widget = createWidget(app.load, { licenseId: 1 });
    widget.destroy();
    widget.init();
    widget.init();
    expect(hosts()).toHaveLength(1);
    widget.destroy();
    widget.destroy();
    expect(hosts()).toHaveLength(0);
    widget.init();
    expect(hosts()).toHaveLength(1);
  });

  it('throws a TypeError naming the bad option and adds nothing', () => {
    const widget = createWidget(app.load);
    expect(() => widget.init({ licenseId: 0 })).toThrow(/licenseId must be an integer ≥ 1 \(got 0\)/);
    expect(() => widget.init('x' as never)).toThrow(/init expects a config object/);
    expect(hosts()).toHaveLength(0);
    widget.init({ licenseId: 5 });
    expect(hosts()).toHaveLength(1);
  });

  it('loads the app on hover and starts it once loaded (consent granted), replacing its launcher', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
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

  it('honours a click made while loading: the app starts maximized', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
    widget.init();
    launcher()!.dispatchEvent(new Event('pointerenter'));
    launcher()!.click();
    expect(launcher()!.ariaBusy).toBe('true');
    expect(widget.get('state').visibility).toBe('maximized');
    await app.finish();
    expect(app.started[0]!.visibility).toBe('maximized');
  });

  it('with consent on-interaction loads on hover but starts only when the visitor opens', async () => {
    const widget = createWidget(app.load, { licenseId: 1, consent: 'on-interaction' });
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
      const widget = createWidget(app.load, { licenseId: 1 });
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
    const widget = createWidget(app.load, { licenseId: 7, groupId: 2 });
    widget.init();
    expect(app.loads).toBe(0);
    vi.runAllTimers();
    expect(app.loads).toBe(1);
    widget.destroy();

    const other = createWidget(app.load, { licenseId: 7, groupId: 2 });
    other.init();
    other.destroy();
    vi.runAllTimers();
    expect(app.loads).toBe(1);
  });

  it('ignores a load that finishes after destroy, and starts again cleanly after a new init', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
    widget.init();
    widget.maximize();
    widget.destroy();
    await app.finish();
    expect(app.started).toHaveLength(0);
    expect(hosts()).toHaveLength(0);
    widget.init();
    expect(widget.get('state').visibility).toBe('minimized');
    widget.maximize();
    await app.finish();
    expect(app.started).toHaveLength(1);
  });

  it('destroy disposes the app, forgets handlers and state, and ignores the old app afterwards', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
    const seen = vi.fn();
    widget.on('new_event', seen);
    widget.init();
    widget.setCustomerName('Ann');
    widget.maximize();
    await app.finish();
    const context = app.started[0]!;
    widget.destroy();
    expect(app.handle.dispose).toHaveBeenCalledTimes(1);
    expect(hosts()).toHaveLength(0);
    context.emit('new_event', { timestamp: 1, type: 'message', author: { id: 'a', type: 'agent' } });
    context.setVisibility('minimized');
    expect(seen).not.toHaveBeenCalled();
    expect(widget.get('customer_data').name).toBe('');
    expect(widget.get('state').visibility).toBe('minimized');
  });

  it('reports a failed load and retries on the next open', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
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
    const widget = createWidget(app.load, { licenseId: 1 });
    widget.init();
    launcher()!.focus();
    await app.finish();
    expect(app.started).toHaveLength(0);
    launcher()!.blur();
    await app.finish();
    expect(app.started).toHaveLength(1);
    expect(app.started[0]!.focus).toBe(false);
  });

  it('themes through custom properties and color-scheme in its own shadow root only', () => {
    createWidget(app.load, { licenseId: 1, accentColor: '#0a7', position: 'left', zIndex: 5, darkMode: true }).init();
    const css = hosts()[0]!
      .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    expect(css).toMatch(/--chatlet-accent: ?#0a7/);
    expect(css).toMatch(/--chatlet-left: ?20px/);
    expect(css).toMatch(/--chatlet-z: ?5/);
    expect(css).toMatch(/color-scheme: ?dark/);
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('is safe to destroy while a focused launcher waits for blur (removal may fire it)', async () => {
    const widget = createWidget(app.load, { licenseId: 1 });
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
    const widget = createWidget(app.load, { licenseId: 1 });
    widget.init();
    launcher()!.focus();
    launcher()!.click();
    await app.finish();
    expect(app.started[0]!.focus).toBe(true);

    const handedOver = fakeApp();
    const next = createWidget(handedOver.load, { licenseId: 1 }, true);
    next.init();
    next.maximize();
    await handedOver.finish();
    expect(handedOver.started[0]!.focus).toBe(true);
  });

  it('renders inline in a target element, open at once with consent granted', async () => {
    const target = document.createElement('section');
    document.body.append(target);
    const widget = createWidget(app.load, { licenseId: 1, target });
    widget.init();
    expect(target.querySelector('chatlet-widget')).not.toBeNull();
    expect(app.loads).toBe(1);
    await app.finish();
    expect(app.started[0]!.visibility).toBe('maximized');
  });

  it('shows an inline start button first when consent is needed', () => {
    const target = document.createElement('section');
    document.body.append(target);
    createWidget(app.load, { licenseId: 1, target, consent: 'on-interaction' }).init();
    const button = target.querySelector('chatlet-widget')!.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Start the chat');
    expect(button.className).toBe('inline');
    expect(app.loads).toBe(0);
  });
});
