// The widget's language: the locale it chooses, the chunk it loads for it (with the app, not after),
// the launcher's label, the direction, and what the app gets.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocaleModule } from '../../../src/embed/app-types';
import { createWidget } from '../../../src/embed/create-widget';
import { launcherKit } from '../../../src/embed/launcher-kit';
import { localeChunks } from '../../../src/embed/locale-chunks';
import { ongoingChatKey } from '../../../src/embed/ongoing-chat-key';
import type { Locale } from '../../../src/locales/locales';
import { textsOf } from '../../../src/locales/texts-of';
import { de } from '../../../src/locales/de';
import { fakeApp, hosts, launcher, type FakeApp } from './fake-app';

let app: FakeApp;
let errors: ReturnType<typeof vi.spyOn>;
let requested: Locale[];
// The chunks as the npm entry loads them (from the sources here), each request noted.
const loadTexts = (locale: Locale): Promise<LocaleModule> => {
  requested.push(locale);
  return localeChunks[locale as Exclude<Locale, 'en'>]();
};

beforeEach(() => {
  app = fakeApp();
  requested = [];
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  document.body.innerHTML = '';
  document.documentElement.lang = '';
  localStorage.clear();
});
afterEach(() => {
  errors.mockRestore();
  vi.useRealTimers();
});

describe('createWidget locale', () => {
  it('loads the chosen locale together with the app, labels the launcher, and hands both to the app', async () => {
    document.documentElement.lang = 'de-CH';
    const widget = createWidget(app.load, launcherKit, { licenseId: 1 }, false, loadTexts);
    widget.init();
    expect(hosts()[0]).toMatchObject({ lang: 'de', dir: 'ltr' });
    expect(launcher()!.getAttribute('aria-label')).toBe('Open chat');
    launcher()!.dispatchEvent(new Event('pointerenter'));
    // Both requests go out on the same intent.
    expect([app.loads, requested]).toEqual([1, ['de']]);
    await vi.waitFor(() => expect(launcher()!.getAttribute('aria-label')).toBe('Chat öffnen'));
    await app.finish();
    await vi.waitFor(() => expect(app.started).toHaveLength(1));
    expect(app.started[0]).toMatchObject({ locale: 'de', texts: textsOf(de) });
    expect(requested).toEqual(['de']);
  });

  it('takes the locale option over the page’s language, and the page’s strings over the locale', async () => {
    document.documentElement.lang = 'de';
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, locale: 'ar-EG', strings: { open: 'Chat' } }, false, loadTexts);
    widget.init();
    // Arabic turns the widget right to left, as a right-to-left page does.
    expect(hosts()[0]).toMatchObject({ lang: 'ar', dir: 'rtl' });
    launcher()!.click();
    expect(requested).toEqual(['ar']);
    await app.finish();
    await vi.waitFor(() => expect(app.started).toHaveLength(1));
    expect(app.started[0]!.locale).toBe('ar');
    // The launcher the app replaced kept the page's label.
    expect(app.started[0]!.config.strings).toEqual({ open: 'Chat' });
  });

  it('labels an inline launcher with its text in the locale', async () => {
    const target = document.body.appendChild(document.createElement('div'));
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, locale: 'fr', target, consent: 'on-interaction' }, false, loadTexts);
    widget.init();
    expect(launcher()!.textContent).toBe('Start the chat');
    widget.preload();
    await vi.waitFor(() => expect(launcher()!.textContent).toBe('Démarrer le chat'));
    expect(launcher()!.getAttribute('aria-label')).toBe('Démarrer le chat');
  });

  it('fetches the locale on idle for the launcher’s label, once per life', async () => {
    vi.useFakeTimers();
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, locale: 'ja' }, false, loadTexts);
    widget.init();
    expect(requested).toEqual([]);
    vi.runAllTimers();
    expect(requested).toEqual(['ja']);
    vi.useRealTimers();
    await vi.waitFor(() => expect(launcher()!.getAttribute('aria-label')).toBe('チャットを開く'));
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await app.finish();
    await vi.waitFor(() => expect(app.started).toHaveLength(1));
    expect(requested).toEqual(['ja']);
    widget.destroy();
    widget.init({ locale: 'ko' });
    launcher()!.dispatchEvent(new Event('pointerenter'));
    expect(requested).toEqual(['ja', 'ko']);
  });

  it('speaks English, with no request and the page’s direction, when nothing names a shipped language', async () => {
    document.documentElement.lang = 'fi';
    Object.defineProperty(navigator, 'languages', { value: ['de-DE'], configurable: true });
    try {
      localStorage.setItem(ongoingChatKey(1, 0), '1');
      const widget = createWidget(app.load, launcherKit, { licenseId: 1 }, false, loadTexts);
      widget.init();
      expect(hosts()[0]!.hasAttribute('dir')).toBe(false);
      launcher()!.click();
      await app.finish();
      expect(requested).toEqual([]);
      expect(app.started[0]).toMatchObject({ locale: 'en', texts: undefined });
    } finally {
      delete (navigator as { languages?: unknown }).languages;
    }
  });

  it('falls back to English, with one error, when the locale’s chunk cannot load', async () => {
    const widget = createWidget(app.load, launcherKit, { licenseId: 1, locale: 'pl' }, false, () => Promise.reject(new Error('offline')));
    widget.init();
    const button = launcher()!;
    button.click();
    await app.finish();
    expect(app.started[0]).toMatchObject({ locale: 'pl', texts: undefined });
    expect(button.getAttribute('aria-label')).toBe('Open chat');
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toMatch(/^chatlet: could not load the texts of locale "pl"; the chat speaks English \(Error: offline\)$/);
  });
});
