import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWidget } from '../../../src/embed/create-widget';
import { launcherKit } from '../../../src/embed/launcher-kit';
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
    const widget = createWidget(app.load, launcherKit, { licenseId: 12345 });
    widget.init();
    expect(document.body.children).toHaveLength(1);
    expect(hosts()[0]!.shadowRoot!.mode).toBe('open');
    expect(launcher()!.getAttribute('aria-label')).toBe('Open chat');
    expect(document.head.children).toHaveLength(0);
    expect(app.loads).toBe(0);
  });

  it('is idempotent: init twice and destroy twice leave one and then no host', () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
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
    const widget = createWidget(app.load, launcherKit);
    expect(() => widget.init({ licenseId: 0 })).toThrow(/licenseId must be an integer ≥ 1 \(got 0\)/);
    expect(() => widget.init('x' as never)).toThrow(/init expects a config object/);
    expect(hosts()).toHaveLength(0);
    widget.init({ licenseId: 5 });
    expect(hosts()).toHaveLength(1);
  });

  it('ignores a load that finishes after destroy, and starts again cleanly after a new init', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
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
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 });
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
    context.emit('visibility_changed', { visibility: 'maximized' });
    expect(seen).not.toHaveBeenCalled();
    expect(widget.get('customer_data').name).toBe('');
    expect(widget.get('state').visibility).toBe('minimized');
  });

  it('themes through custom properties and color-scheme in its own shadow root only', () => {
    createWidget(app.load, launcherKit, { licenseId: 1, accentColor: '#0a7', position: 'left', zIndex: 5, darkMode: true }).init();
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

  it('renders inline in a target element, open at once with consent granted', async () => {
    const target = document.createElement('section');
    document.body.append(target);
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, target });
    widget.init();
    expect(target.querySelector('chatlet-widget')).not.toBeNull();
    expect(app.loads).toBe(1);
    await app.finish();
    expect(app.started[0]!.visibility).toBe('maximized');
  });

  it('shows an inline start button first when consent is needed', () => {
    const target = document.createElement('section');
    document.body.append(target);
    createWidget(app.load, launcherKit, { licenseId: 1, target, consent: 'on-interaction' }).init();
    const button = target.querySelector('chatlet-widget')!.shadowRoot!.querySelector('button')!;
    expect(button.textContent).toBe('Start the chat');
    expect(button.className).toBe('inline');
    expect(app.loads).toBe(0);
  });
});
