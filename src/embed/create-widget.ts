// The widget's lifecycle and commands: it validates the config, draws the launcher, keeps what the
// page asked for (visibility, identity, page, handlers), loads the app chunk on intent, on idle when
// a chat is ongoing, or on open, and then forwards every command to the running app.
import { chooseLocale } from '../locales/choose-locale';
import type { Locale } from '../locales/locales';
import { textDirection } from '../locales/text-direction';
import { isObject } from '../protocol/is-object';
import type { Tabs } from '../chat/tab-start';
import type { AppHandle, AppModule, LocaleModule } from './app-types';
import { defaultCustomerData } from './default-customer-data';
import { eventHandlers } from './event-handlers';
import { isStringMap } from './is-string-map';
import type { LauncherKit } from './launcher-kit';
import { logError as fail } from './log-error';
import { REOPEN_MS } from './ongoing-chat';
import type { ChatWidget, ChatWidgetConfig, CustomerInput, PageInfo, Visibility, WidgetEvents, WidgetGetters } from './types';
import { validateConfig, type ResolvedConfig } from './validate-config';
import type { WidgetHost } from './widget-host';
import { labelLauncher, widgetLauncher } from './widget-launcher';

const isString = (v: unknown): v is string => typeof v == 'string';
const optionalString = (v: unknown) => v === undefined || isString(v);
const saveData = () => (navigator as { connection?: { saveData?: boolean } }).connection?.saveData;
const noop = () => {};

/** Everything `destroy()` forgets, in one object so that forgetting is one assignment. */
const fresh = () => ({
  visibility: undefined as Visibility | undefined,
  messageDraft: undefined as string | undefined,
  customer: {} as CustomerInput,
  page: undefined as PageInfo | undefined,
  availability: 'offline' as 'online' | 'offline',
  /** The chat was opened; with consent `on-interaction` nothing connects before that. */
  opened: false,
  ready: false,
});

/**
 * Creates a widget that starts on `init()` and loads its app with `loadApp`, and the texts of a
 * built-in locale other than English with `loadTexts` (without it, it speaks English); it draws its
 * host and launcher with `kit` (the script tag's own copy, handed over, or the npm entry's). Commands
 * called before `init` (or after `destroy`) are remembered and applied by the next `init`. When the
 * launcher has keyboard focus as the app takes over (or `focused`), the app is asked to take the focus.
 */
export function createWidget(
  loadApp: () => Promise<AppModule>,
  kit: LauncherKit,
  base: Partial<ChatWidgetConfig> = {},
  /** The script tag's launcher had keyboard focus when it handed over to this widget. */
  focused = false,
  loadTexts?: (locale: Locale) => Promise<LocaleModule>,
): ChatWidget {
  const [createWidgetHost, , , ongoingChat] = kit;
  const events = eventHandlers();
  let s = fresh();
  let config: ResolvedConfig | undefined;
  let host: WidgetHost | undefined;
  let launcher: HTMLButtonElement | undefined;
  let app: AppHandle | undefined;
  let loading: Promise<[AppModule, (readonly string[])?] | void> | undefined;
  let joining: Promise<Tabs | void> | undefined;
  let locale: Locale = 'en';
  let texts: Promise<readonly string[] | undefined> | undefined;
  let idle: number | undefined;
  // Bumped by init and destroy, so that a load or an app event from an earlier life is ignored.
  let life = 0;

  // The app owns visibility and availability once it runs; its events keep the getters' answers current.
  const emit: typeof events.emit = (name, payload) => {
    if (name == 'availability_changed') s.availability = (payload as WidgetEvents[typeof name]).availability;
    if (name == 'visibility_changed') {
      s.visibility = (payload as WidgetEvents[typeof name]).visibility;
      if (launcher) launcher.hidden = s.visibility == 'hidden';
    }
    events.emit(name, payload);
  };

  const getters: { [K in keyof WidgetGetters]: () => WidgetGetters[K] } = {
    state: () => ({ availability: s.availability, visibility: s.visibility ?? 'minimized' }),
    // The app keeps the same customer (the config's, then what the page set), but leaves it to us.
    customer_data: () => ({ ...defaultCustomerData({ ...config?.customer, ...s.customer }), ...app?.get('customer_data') }),
    chat_data: () => app?.get('chat_data') ?? { chatId: '', threadId: '' },
  };
  const readyPayload = () => ({ state: getters.state(), customerData: getters.customer_data() });

  // The chosen locale's texts (none for English), once per life: on idle for the launcher's label,
  // at the latest together with the app, not after it. Without them the chat speaks English.
  const localeTexts = () => {
    const l = life;
    return (texts ??=
      locale == 'en' || !loadTexts
        ? Promise.resolve(undefined)
        : loadTexts(locale).then(
            ({ default: t }) => (l == life && labelLauncher(launcher!, config!, t), t),
            (e) => void fail(`could not load the texts of locale "${locale}"; the chat speaks English (${e})`),
          ));
  };

  // Loads the chunk (once per life) and starts the app when allowed: as soon as it is loaded with
  // consent granted, on the first open with consent `on-interaction`. The app draws its own launcher
  // in place of ours, so while ours has keyboard focus the swap waits for a click or for blur.
  const start = () => {
    // Also the launcher's blur handler, which removing the launcher (on destroy) may fire.
    if (!config) return;
    const l = life;
    loading ??= Promise.all([loadApp(), localeTexts()]).catch((e) => {
      loading = undefined;
      fail(`could not load the chat (${e})`);
    });
    loading.then((loaded) => {
      if (l != life || app) return;
      launcher!.ariaBusy = null;
      if (!loaded || !(config!.consent == 'granted' || s.opened)) return;
      const [module, localeTexts] = loaded;
      if (!s.opened && host!.root.activeElement == launcher) {
        launcher!.onblur = start;
        return;
      }
      // First where this tab stands among the visitor's tabs: leading, it holds the lead from now.
      joining ??= module.joinTabs(config!).catch((e) => {
        joining = undefined;
        fail(`could not load the chat (${e})`);
      });
      joining.then((tabs) => (l != life ? tabs?.leave() : app || run(module, l, tabs, localeTexts)));
    });
  };
  const run = (module: AppModule, l: number, tabs: Tabs | void, localeTexts: readonly string[] | undefined) => {
    const ours = launcher!;
    try {
      app = module.startApp({
        ...s,
        tabs: tabs || undefined,
        focus: focused || host!.root.activeElement == launcher,
        root: host!.root,
        addStyles: host!.addStyles,
        config: config!,
        locale,
        texts: localeTexts,
        visibility: s.visibility!,
        emit: (name, payload) => l == life && emit(name, payload),
        mounted: () => ours.remove(),
      });
    } catch (e) {
      // A runtime the client cannot work in (no WebSocket, say): say so and keep the launcher.
      tabs?.leave();
      joining = undefined;
      return fail(`could not start the chat (${e})`);
    }
    s.messageDraft = undefined;
    focused = false;
    s.ready = true;
    emit('ready', readyPayload());
  };
  const preload = () => saveData() || start();

  // Until the app runs the widget keeps what the page asked for, and emits visibility_changed for
  // changes after init (init applies the first one quietly); then the app, which owns it, does both.
  const setVisibility = (visibility: Visibility, messageDraft?: string) => {
    if (app) return app.setVisibility(visibility, messageDraft);
    const changed = s.visibility && visibility != s.visibility;
    s.visibility = visibility;
    s.messageDraft = messageDraft ?? s.messageDraft;
    if (!config) return;
    launcher!.hidden = visibility == 'hidden';
    if (visibility == 'maximized') s.opened = true;
    if (s.opened) {
      launcher!.ariaBusy = 'true';
      start();
    }
    if (changed) emit('visibility_changed', { visibility });
  };

  const setter =
    <K extends keyof CustomerInput>(command: string, key: K, test: (v: unknown) => boolean, expected: string) =>
    (value: CustomerInput[K]) => {
      if (!test(value)) return fail(`${command} expects ${expected}`, value);
      s.customer[key] = value;
      app?.setCustomer({ [key]: value });
    };

  const widget: ChatWidget = {
    init(input) {
      if (config) return;
      if (input !== undefined && !isObject(input)) throw new TypeError('chatlet: init expects a config object');
      const merged = { ...base, ...input };
      config = validateConfig(merged);
      base = merged;
      life++;
      host = createWidgetHost(config.target ?? document.body ?? document.documentElement, config.nonce);
      // A built-in locale other than English gives the widget its language and direction (Arabic and
      // Hebrew turn it right to left, as a right-to-left page does); English follows the page, whose
      // own `strings` may translate it.
      locale = chooseLocale(config.locale, document.documentElement.lang, navigator.languages);
      if (locale != 'en') Object.assign(host.root.host, { lang: locale, dir: textDirection(locale) });
      launcher = widgetLauncher(kit, host, config, preload, () =>
        setVisibility(s.visibility == 'maximized' ? 'minimized' : 'maximized'),
      );
      // Inline, the chat shows at once, except when it needs the visitor's consent first.
      const visibility = s.visibility ?? (config.target && !merged.visibility && config.consent == 'granted' ? 'maximized' : config.visibility);
      s.visibility = undefined;
      setVisibility(visibility);
      // Storage is read on idle too: the first read can block the page (~30 ms at 4× slowdown).
      if (visibility != 'maximized' && !saveData()) {
        const { licenseId, groupId } = config;
        idle = (window.requestIdleCallback ?? setTimeout)(
          () => {
            void localeTexts();
            // Read before the app starts (it marks the chat afresh). Its panel was open when the
            // visitor left the last page, a moment ago: carry on there, as a visitor following a link
            // mid-chat expects (unless this page has hidden the widget meanwhile).
            const chat = ongoingChat(licenseId, groupId);
            if (chat > Date.now() - REOPEN_MS && s.visibility == 'minimized') setVisibility('maximized');
            else if (chat) preload();
          },
          { timeout: 3000 } as never,
        );
      }
    },
    preload: start,

    maximize(options) {
      if (options === undefined || (isObject(options) && optionalString(options.messageDraft))) {
        setVisibility('maximized', options?.messageDraft);
      } else fail('maximize expects {messageDraft?: string}', options);
    },
    minimize: () => setVisibility('minimized'),
    hide: () => setVisibility('hidden'),

    on(name, handler) {
      const off = events.on(name, handler);
      // Like LiveChat: subscribing to `ready` after it fired still gets it.
      if (off && name == 'ready' && s.ready) {
        queueMicrotask(() => events.has(name, handler) && handler(readyPayload() as never));
      }
      return off ?? noop;
    },
    off: events.off,

    get(name) {
      const getter = getters[name];
      if (getter) return getter() as never;
      fail(`unknown getter "${name}"; getters: ${Object.keys(getters).join(', ')}`);
      return undefined as never;
    },

    setCustomerName: setter('set_customer_name', 'name', isString, 'a string'),
    setCustomerEmail: setter('set_customer_email', 'email', (v) => isString(v) && /^\S+@\S+$/.test(v), 'an email address'),
    setSessionVariables: setter('set_session_variables', 'fields', isStringMap, 'an object of strings'),
    updatePage(page) {
      if (!isObject(page) || !isString(page.url) || !optionalString(page.title)) {
        return fail('update_page expects {url: string, title?: string}', page);
      }
      s.page = { url: page.url, title: page.title as string | undefined };
      app?.updatePage(s.page);
    },

    destroy() {
      life++;
      const [element, running] = [host, app];
      if (idle !== undefined) (window.cancelIdleCallback ?? clearTimeout)(idle);
      config = host = launcher = app = loading = joining = idle = texts = undefined;
      element?.remove();
      events.clear();
      s = fresh();
      running?.dispose();
    },
  };
  return widget;
}
