// The eager script `dist/chatlet.js` (budget: 2 KB gzip). It reads its own `data-*` attributes,
// replaces the queue snippet's `window.chatlet` stub, draws the launcher and records every command.
// On intent (hover, focus, click), on idle when a chat is ongoing, or on `maximize`, it loads the
// widget with the chat app (`chatlet-embed.mjs`) from next to itself, replays the recorded commands
// into a real widget, which from then on gets every command directly, and removes its own launcher.
// So errors other than a missing license, unknown command names too, are reported when the chat loads.
//
//   <script async src="https://cdn.example/chatlet.js" data-license-id="12345"></script>
//   or: window.chatlet = window.chatlet || function () { (chatlet.q = chatlet.q || []).push(arguments) };
//       chatlet('init', { licenseId: 12345 }); chatlet('on', 'new_event', console.log);
import { shippedLocale } from '../locales/shipped-locale';
import { drawLauncher } from './draw-launcher';
import { OPEN } from './launcher-label';
import { ongoingChat, REOPEN_MS } from './ongoing-chat';
import { launcherKit, type LauncherKit } from './launcher-kit';
import { themeCss } from './theme-css';
import type { ScriptCommand } from './script-commands';
import type { ChatWidgetConfig } from './types';
import { createWidgetHost, type WidgetHost } from './widget-host';

type Global = { chatlet?: ((...args: any[]) => unknown) & { q?: IArguments[]; loaded?: 1 } };
type Module = { createScriptWidget(script: HTMLScriptElement, focused: boolean, kit: LauncherKit, calls: [string, unknown[]][]): ScriptCommand };

const global = window as unknown as Global;
const error = (message: string) => console.error(message);

// Loaded twice (two tags, or a tag plus the snippet's own): the first copy keeps the page.
if (!global.chatlet?.loaded) {
  const script = document.currentScript as HTMLScriptElement;
  // What the launcher needs from the `data-*` attributes, read loosely (numbers and objects as JSON);
  // the widget reads them properly when it loads. Browsers hide a script's nonce attribute from the
  // DOM; the property still has it.
  const attributes: Record<string, any> = { nonce: script.nonce };
  for (const [key, value] of Object.entries(script.dataset)) {
    try {
      attributes[key] = JSON.parse(value!);
    } catch {
      attributes[key] = value;
    }
  }

  /** Commands since the last destroy, to replay into the widget. */
  let calls: [string, unknown[]][] = [];
  /** Runs a command on the loaded widget. */
  let widget: ScriptCommand | undefined;
  let module: Module | undefined;
  let loading: Promise<unknown> | undefined;
  let config: Partial<ChatWidgetConfig> | undefined;
  let host: WidgetHost | undefined;
  let launcher: HTMLButtonElement | undefined;
  let visibility: string | undefined;
  let idle: number | undefined;
  let opened = false;
  /** The locale guessed, and its chunk's import (none for English). */
  let code: string | undefined;
  let texts: Promise<unknown> | undefined;

  // The real widget's launcher replaces ours; while ours has keyboard focus that waits for a click or blur.
  // It runs in a task of its own, not in the one that evaluated the chunk (the page stays responsive).
  const handOver = () => {
    if (widget || !module) return;
    const focused = !!launcher && host!.root.activeElement == launcher;
    if (focused && !opened) return void (launcher!.onblur = handOver);
    // Made before our launcher goes: removing it may fire its blur, and so this again. The chunk
    // draws with our launcher code rather than bundling its own.
    widget = module.createScriptWidget(script, focused, launcherKit, calls);
    forget();
    calls = [];
  };
  const load = (file: string) => import(new URL(file, script.src).href);
  // The locale's texts label our launcher. The widget, which chooses the locale by the same hints,
  // imports the same URL, which the browser has then fetched once.
  const fetchLocale = () =>
    code &&
    code != 'en' &&
    (texts ??= load(`chatlet-locale-${code}.mjs`).then(
      (m) => launcher?.setAttribute('aria-label', config!.strings?.open ?? m.default[OPEN]),
      () => {},
    ));
  // The locale's chunk is requested together with the chat, not after it.
  const fetchChat = () =>
    (loading ??= (fetchLocale(), load('chatlet-embed.mjs')).then(
      (m) => (module = m),
      (e) => {
        loading = undefined;
        if (launcher) launcher.ariaBusy = null;
        error(`chatlet: could not load the chat (${e})`);
      },
    )).then(() => setTimeout(handOver));

  const show = (v: string) => {
    visibility = v;
    if (!launcher) return;
    launcher.hidden = v == 'hidden';
    if (v == 'maximized') {
      opened = true;
      launcher.ariaBusy = 'true';
      fetchChat();
    }
  };
  const forget = () => {
    host?.remove();
    // Cancelling `undefined` does nothing.
    (window.cancelIdleCallback ?? clearTimeout)(idle!);
    host = launcher = config = idle = texts = undefined;
  };

  const start = (c: Partial<ChatWidgetConfig>) => {
    config = c;
    // A guess, by the first of the hints that is set: chooseLocale, which the widget runs, weighs
    // them all (`und`, `iw`, the browser's later languages), but would cost this script ~50 B more.
    // Where the two differ (rarely), the widget requests its choice itself, a little later.
    code = shippedLocale(c.locale || document.documentElement.lang || navigator.language);
    // A chat inline in an element (an npm option, possible through `init`) needs the widget at once.
    if (c.target) return void fetchChat();
    host = createWidgetHost(document.body ?? document.documentElement, c.nonce);
    launcher = drawLauncher(
      host,
      false,
      c.strings?.open ?? 'Open chat',
      () => (navigator as any).connection?.saveData || fetchChat(),
      () => chatlet(visibility == 'maximized' ? 'minimize' : 'maximize'),
      // Not validated yet (the widget does that on load); the CSS can only reach this shadow root.
      themeCss(c),
    );
    show(visibility ?? c.visibility ?? 'minimized');
    // The launcher's label in the visitor's language comes on idle (a non-English visitor's one
    // request more, ~1 KB; an English one's none). Storage is read on idle too: the first read can
    // block the page (~30 ms at 4× slowdown). A chat whose panel was open when the visitor left the
    // last page, a moment ago, opens again (unless this page has hidden the widget); read here,
    // before the app starts and marks the chat afresh.
    if (visibility != 'maximized') {
      idle = (window.requestIdleCallback ?? setTimeout)(
        () => {
          fetchLocale();
          const chat = ongoingChat(c.licenseId!, c.groupId ?? 0);
          chat > Date.now() - REOPEN_MS && visibility == 'minimized' ? chatlet('maximize') : chat && fetchChat();
        },
        { timeout: 3000 } as never,
      );
    }
  };

  const chatlet = (name: string, ...args: any[]): unknown => {
    if (widget) return widget(name, args);
    if (name == 'get') {
      const defaults: Record<string, unknown> = {
        state: { availability: 'offline', visibility: visibility ?? 'minimized' },
        customer_data: { id: '', name: '', email: '', isReturning: false, status: 'browsing', sessionVariables: {} },
        chat_data: { chatId: '', threadId: '' },
      };
      return defaults[args[0]] ?? error(`chatlet: unknown getter "${args[0]}"`);
    }
    if (name == 'init') {
      const c = { ...attributes, ...args[0] };
      if (!(Number.isInteger(c.licenseId) && c.licenseId > 0)) {
        return error(`chatlet: licenseId must be an integer ≥ 1 (got ${c.licenseId})`);
      }
      if (!config) start(c);
    }
    calls.push([name, args]);
    if (name == 'destroy') {
      forget();
      calls = [];
      visibility = undefined;
      opened = false;
    }
    if (/^(maximize|minimize|hide)$/.test(name)) show(name == 'hide' ? 'hidden' : name + 'd');
    if (name == 'on') return () => chatlet('off', ...args);
  };

  const queued = global.chatlet?.q ?? [];
  global.chatlet = chatlet;
  global.chatlet.loaded = 1;
  for (const args of queued) chatlet(...(args as unknown as [string]));
  if (attributes.licenseId !== undefined && !queued.some((args) => args[0] == 'init')) chatlet('init');
}
