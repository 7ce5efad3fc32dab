// The eager script `dist/chatlet.js` (budget: 2 KB gzip). It reads its own `data-*` attributes,
// replaces the queue snippet's `window.chatlet` stub, draws the launcher and records every command.
// On intent (hover, focus, click), on idle when a chat is ongoing, or on `maximize`, it loads the
// widget with the chat app (`chatlet-embed.mjs`) from next to itself, removes its own launcher and replays the
// recorded commands into a real widget, which from then on gets every command directly. So argument
// errors other than unknown commands and a missing license are reported when the chat loads.
//
//   <script async src="https://cdn.example/chatlet.js" data-license-id="12345"></script>
//   or: window.chatlet = window.chatlet || function () { (chatlet.q = chatlet.q || []).push(arguments) };
//       chatlet('init', { licenseId: 12345 }); chatlet('on', 'new_event', console.log);
import { drawLauncher } from './draw-launcher';
import { ongoingChat, REOPEN_MS } from './ongoing-chat';
import { launcherKit, type LauncherKit } from './launcher-kit';
import { themeCss } from './theme-css';
import type { ChatWidget, ChatWidgetConfig } from './types';
import { createWidgetHost, type WidgetHost } from './widget-host';

type Global = { chatlet?: ((...args: any[]) => unknown) & { q?: IArguments[]; loaded?: 1 } };
type Module = { createScriptWidget(script: HTMLScriptElement, focused: boolean, kit: LauncherKit): ChatWidget };

const global = window as unknown as Global;
// Command names are the widget's method names in snake case (set_customer_name → setCustomerName).
const commands =
  'init maximize minimize hide on off get set_customer_name set_customer_email set_session_variables update_page destroy'.split(
    ' ',
  );
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
  let widget: ChatWidget | undefined;
  let module: Module | undefined;
  let loading: Promise<unknown> | undefined;
  let config: Partial<ChatWidgetConfig> | undefined;
  let host: WidgetHost | undefined;
  let launcher: HTMLButtonElement | undefined;
  let visibility: string | undefined;
  let idle: number | undefined;
  let opened = false;

  const run = (name: string, args: unknown[]) => {
    try {
      return (widget as any)[name.replace(/_(.)/g, (_, c: string) => c.toUpperCase())](...args);
    } catch (e) {
      error((e as Error).message);
    }
  };

  // The real widget's launcher replaces ours; while ours has keyboard focus that waits for a click or blur.
  // It runs in a task of its own, not in the one that evaluated the chunk (the page stays responsive).
  const handOver = () => {
    if (widget || !module) return;
    const focused = !!launcher && host!.root.activeElement == launcher;
    if (focused && !opened) return void (launcher!.onblur = handOver);
    // Made before our launcher goes: removing it may fire its blur, and so this again. The chunk
    // draws with our launcher code rather than bundling its own.
    widget = module.createScriptWidget(script, focused, launcherKit);
    forget();
    for (const [name, args] of calls) run(name, args);
    calls = [];
    widget.preload();
  };
  const fetchChat = () =>
    (loading ??= import(new URL('chatlet-embed.mjs', script.src).href).then(
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
    if (idle !== undefined) (window.cancelIdleCallback ?? clearTimeout)(idle);
    host = launcher = config = idle = undefined;
  };

  const start = (c: Partial<ChatWidgetConfig>) => {
    config = c;
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
    // Storage is read on idle too: the first read can block the page (~30 ms at 4× slowdown). A chat
    // whose panel was open when the visitor left the last page, a moment ago, opens again (unless
    // this page has hidden the widget); read here, before the app starts and marks the chat afresh.
    if (visibility != 'maximized') {
      idle = (window.requestIdleCallback ?? setTimeout)(
        () => {
          const chat = ongoingChat(c.licenseId!, c.groupId ?? 0);
          chat > Date.now() - REOPEN_MS && visibility == 'minimized' ? chatlet('maximize') : chat && fetchChat();
        },
        { timeout: 3000 } as never,
      );
    }
  };

  const chatlet = (name: string, ...args: any[]): unknown => {
    if (!commands.includes(name)) return error(`chatlet: unknown command "${name}"; commands: ${commands.join(', ')}`);
    if (widget) return run(name, args);
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
    if (/^(max|min|hide)/.test(name)) show(name == 'hide' ? 'hidden' : name + 'd');
    if (name == 'on') return () => chatlet('off', ...args);
  };

  const queued = global.chatlet?.q ?? [];
  global.chatlet = chatlet;
  global.chatlet.loaded = 1;
  for (const args of queued) chatlet(...(args as unknown as [string]));
  if (attributes.licenseId !== undefined && !queued.some((args) => args[0] == 'init')) chatlet('init');
}
