import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../../src/embed/app-types';
import { REOPEN_MS } from '../../../src/embed/ongoing-chat';
import { ongoingChatKey } from '../../../src/embed/ongoing-chat-key';

type Chatlet = ((...args: unknown[]) => unknown) & { q?: IArguments[]; loaded?: 1 };
type TestLog = { widgets: number; started: AppContext[]; calls: unknown[][]; locales: string[] };
const global = globalThis as unknown as { chatlet?: Chatlet; scriptTagTest: TestLog };
let errors: ReturnType<typeof vi.spyOn>;

/** Runs the eager script as if loaded by `<script src=".../fixtures/chatlet.js" data-…>`. */
async function loadScript(attributes: Record<string, string> = {}) {
  const script = document.createElement('script');
  // Next to fixtures/chatlet-embed.mjs, which the script then loads. (Not `new URL(…, import.meta.url)`:
  // Vite rewrites that pattern into a served asset URL.)
  script.src = import.meta.url.replace(/[^/]*$/, 'fixtures/chatlet.js');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  Object.defineProperty(document, 'currentScript', { value: script, configurable: true });
  vi.resetModules();
  await import('../../../src/embed/script-tag');
  return global.chatlet!;
}

/** The queue snippet of DESIGN §2. */
function snippet() {
  const stub = function (...args: unknown[]) {
    void args;
    // eslint-disable-next-line prefer-rest-params
    (stub.q = stub.q || []).push(arguments);
  } as Chatlet;
  global.chatlet = global.chatlet || stub;
  return global.chatlet;
}

const launcher = () => document.querySelector('chatlet-widget')?.shadowRoot?.querySelector('button') ?? null;
/** Waits until the script has loaded the (fixture) widget module and replayed into a widget. */
const loaded = () => vi.waitFor(() => expect(global.scriptTagTest.widgets).toBeGreaterThan(0), { timeout: 5000 });

/** Waits until the widget has started the app once (on idle, for an ongoing chat). */
const startedOnce = () => vi.waitFor(() => expect(global.scriptTagTest.started).toHaveLength(1), { timeout: 5000 });

/** A page as if newly loaded: no script, no widget, no launcher (storage is kept). */
function freshPage() {
  delete global.chatlet;
  global.scriptTagTest = { widgets: 0, started: [], calls: [], locales: [] };
  document.body.innerHTML = '';
  document.documentElement.lang = '';
}

beforeEach(() => {
  freshPage();
  localStorage.clear();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => errors.mockRestore());

describe('the eager script', () => {
  it('initialises from its data attributes and draws only the launcher', async () => {
    await loadScript({ 'data-license-id': '12345', 'data-position': 'left' });
    expect(document.querySelectorAll('chatlet-widget')).toHaveLength(1);
    expect(launcher()!.getAttribute('aria-label')).toBe('Open chat');
    expect(global.scriptTagTest.widgets).toBe(0);
  });

  it('replays queued calls in order into the widget it loads on intent', async () => {
    const chatlet = snippet();
    const events: unknown[] = [];
    chatlet('on', 'visibility_changed', (e: unknown) => events.push(e));
    chatlet('init', { licenseId: 7, groupId: 1 });
    chatlet('set_customer_name', 'Ann');
    chatlet('hide');
    await loadScript();
    expect(launcher()!.hidden).toBe(true);
    chatlet('maximize', { messageDraft: 'Hi' });
    expect(global.chatlet).not.toBe(chatlet);
    global.chatlet!('maximize', { messageDraft: 'Hi' });
    expect(launcher()!.ariaBusy).toBe('true');
    await loaded();
    const [context] = global.scriptTagTest.started;
    expect(context!.config).toMatchObject({ licenseId: 7, groupId: 1 });
    expect(context!.customer).toEqual({ name: 'Ann' });
    expect(context!.visibility).toBe('maximized');
    expect(context!.messageDraft).toBe('Hi');
    expect(events).toEqual([{ visibility: 'hidden' }, { visibility: 'maximized' }]);
    global.chatlet!('minimize');
    expect(global.scriptTagTest.calls).toContainEqual(['setVisibility', 'minimized', undefined]);
  });

  it('answers getters before load and logs one error for a missing license at once', async () => {
    const chatlet = await loadScript();
    expect(chatlet('get', 'state')).toEqual({ availability: 'offline', visibility: 'minimized' });
    expect(chatlet('get', 'chat_data')).toEqual({ chatId: '', threadId: '' });
    expect(chatlet('get', 'customer_data')).toMatchObject({ id: '', status: 'browsing' });
    chatlet('init', { licenseId: 'abc' });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenLastCalledWith('chatlet: licenseId must be an integer ≥ 1 (got abc)');
    expect(document.querySelector('chatlet-widget')).toBeNull();
  });

  it('reports an unknown command when the chat loads, in its place among the calls, and at once after', async () => {
    const chatlet = await loadScript({ 'data-license-id': '3' });
    chatlet('open');
    chatlet('maximise');
    expect(errors).not.toHaveBeenCalled();
    // Not taken for `maximize`: the launcher neither opens nor shows it is busy.
    expect(launcher()!.ariaBusy).toBeFalsy();
    chatlet('maximize');
    await loaded();
    expect(errors.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      expect.stringMatching(/^chatlet: unknown command "open"; commands: init, maximize/),
      expect.stringMatching(/^chatlet: unknown command "maximise"/),
    ]);
    global.chatlet!('close');
    expect(errors).toHaveBeenCalledTimes(3);
  });

  it('destroy before load removes the launcher and forgets the recorded calls; init starts afresh', async () => {
    const chatlet = await loadScript({ 'data-license-id': '3' });
    chatlet('set_customer_name', 'Old');
    chatlet('destroy');
    chatlet('destroy');
    expect(document.querySelector('chatlet-widget')).toBeNull();
    chatlet('init', { groupId: 4 });
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await loaded();
    expect(global.scriptTagTest.widgets).toBe(1);
    expect(global.scriptTagTest.started[0]!.config).toMatchObject({ licenseId: 3, groupId: 4 });
    expect(global.scriptTagTest.started[0]!.customer).toEqual({});
    expect(document.querySelectorAll('chatlet-widget')).toHaveLength(1);
    chatlet('destroy');
    expect(document.querySelector('chatlet-widget')).toBeNull();
    expect(global.scriptTagTest.calls).toContainEqual(['dispose']);
  });

  it('reports bad arguments of recorded calls when the widget loads', async () => {
    const chatlet = await loadScript({ 'data-license-id': '3' });
    chatlet('set_customer_email', 'nope');
    expect(errors).not.toHaveBeenCalled();
    chatlet('maximize');
    await loaded();
    expect(errors).toHaveBeenCalledWith('chatlet: set_customer_email expects an email address (got "nope")');
    expect(global.scriptTagTest.started[0]!.customer).toEqual({});
  });

  it('hands over once, with the focus, when its focused launcher is pressed', async () => {
    const chatlet = await loadScript({ 'data-license-id': '3' });
    const button = launcher()!;
    button.focus();
    await vi.waitFor(() => expect(button.onblur).toBeTypeOf('function'), { timeout: 5000 });
    expect(global.scriptTagTest.widgets).toBe(0);
    button.click();
    await loaded();
    await vi.waitFor(() => expect(global.scriptTagTest.started).toHaveLength(1));
    expect(global.scriptTagTest.widgets).toBe(1);
    expect(global.scriptTagTest.started[0]!.focus).toBe(true);
    chatlet('minimize');
    expect(global.scriptTagTest.calls).toContainEqual(['setVisibility', 'minimized', undefined]);
  });

  it('loads an ongoing chat on idle, and opens it, without the focus, if its panel was open on the last page', async () => {
    localStorage.setItem(ongoingChatKey(7, 0), String(Date.now() - 5000));
    await loadScript({ 'data-license-id': '7' });
    expect(global.scriptTagTest.widgets).toBe(0);
    await startedOnce();
    expect(global.scriptTagTest.started[0]).toMatchObject({ visibility: 'maximized', focus: false });
  });

  it('loads an ongoing chat on idle but leaves it minimized, or hidden, as the visitor or the page left it', async () => {
    localStorage.setItem(ongoingChatKey(7, 0), '1');
    await loadScript({ 'data-license-id': '7' });
    await startedOnce();
    expect(global.scriptTagTest.started[0]!.visibility).toBe('minimized');

    freshPage();
    localStorage.setItem(ongoingChatKey(7, 0), String(Date.now()));
    await loadScript({ 'data-license-id': '7', 'data-visibility': 'hidden' });
    await startedOnce();
    expect(global.scriptTagTest.started[0]!.visibility).toBe('hidden');
  });

  it('leaves minimized a chat whose panel the visitor left open too long ago, or marked by an older version', async () => {
    for (const mark of [String(Date.now() - REOPEN_MS - 1000), '2']) {
      freshPage();
      localStorage.setItem(ongoingChatKey(7, 0), mark);
      await loadScript({ 'data-license-id': '7' });
      await startedOnce();
      expect(global.scriptTagTest.started[0]!.visibility, mark).toBe('minimized');
    }
  });

  it('labels its launcher in the page’s language on idle, and hands the widget the same locale', async () => {
    document.documentElement.lang = 'de-AT';
    await loadScript({ 'data-license-id': '3' });
    expect(launcher()!.getAttribute('aria-label')).toBe('Open chat');
    await vi.waitFor(() => expect(launcher()!.getAttribute('aria-label')).toBe('Chat öffnen'), { timeout: 5000 });
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await startedOnce();
    expect(global.scriptTagTest.locales).toEqual(['de']);
    const [context] = global.scriptTagTest.started;
    expect(context).toMatchObject({ locale: 'de', texts: expect.arrayContaining(['Chat öffnen', 'Senden']) });
    expect(document.querySelector('chatlet-widget')).toMatchObject({ lang: 'de', dir: 'ltr' });
  });

  it('takes data-locale over the page’s language, and the page’s `strings` over the locale', async () => {
    document.documentElement.lang = 'ar';
    await loadScript({ 'data-license-id': '3', 'data-locale': 'de', 'data-strings': '{"open":"Talk to us"}' });
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await startedOnce();
    expect(global.scriptTagTest.locales).toEqual(['de']);
    expect(launcher()!.getAttribute('aria-label')).toBe('Talk to us');
    expect(document.querySelector('chatlet-widget')).toMatchObject({ lang: 'de', dir: 'ltr' });
  });

  it('speaks English without a locale chunk when no hint names a shipped language', async () => {
    document.documentElement.lang = 'fi';
    await loadScript({ 'data-license-id': '3' });
    launcher()!.dispatchEvent(new Event('pointerenter'));
    await startedOnce();
    expect(global.scriptTagTest.locales).toEqual([]);
    expect(global.scriptTagTest.started[0]).toMatchObject({ locale: 'en', texts: undefined });
    expect(document.querySelector('chatlet-widget')!.hasAttribute('dir')).toBe(false);
  });

  it('keeps the first copy when loaded twice', async () => {
    const first = await loadScript({ 'data-license-id': '3' });
    const second = await loadScript({ 'data-license-id': '3' });
    expect(second).toBe(first);
    expect(document.querySelectorAll('chatlet-widget')).toHaveLength(1);
  });
});
