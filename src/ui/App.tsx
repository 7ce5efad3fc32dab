import type { Ref } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { ChatWindow } from './ChatWindow';
import { Launcher } from './Launcher';
import { GreetingBubble, MessageList } from './parts';
import { StoreContext, useStore, type UiStore } from './store-context';
import { dictionary, LocaleContext, StringsContext, type Strings } from './strings';

/** What {@link App} renders from: the chat store and presentation options. */
export interface AppProps {
  store: UiStore;
  /** A locale chunk's texts, in the order of English's keys (`locales/texts-of.ts`); none for English. */
  texts?: readonly string[] | undefined;
  /** The page's own texts by key, over the locale's and English. */
  strings?: Partial<Strings> | undefined;
  /** The language of the texts (BCP 47), for plural messages; default `en`. */
  locale?: string | undefined;
  /** Render in the page's flow (a `target` element) instead of floating. */
  inline?: boolean | undefined;
  /**
   * Take keyboard focus once first painted: the open panel, else the launcher (the widget's own
   * launcher, which had it, made way for this UI).
   */
  focus?: boolean | undefined;
  /** The widget plays sounds (option `sound`): the header's menu offers to mute them. */
  sound?: boolean | undefined;
  /** Visitors may send files (default true). */
  attachments?: boolean | undefined;
}

// The greeting and the launcher follow their own signals, so a new unread count or greeting
// re-renders them alone and not the panel next to them.
function StoreGreeting(props: { onDismiss: () => void }) {
  const { shownGreeting, actions } = useStore();
  const shown = shownGreeting.value;
  return shown ? <GreetingBubble greeting={shown} onOpen={() => actions.setVisibility('maximized')} onDismiss={props.onDismiss} /> : null;
}

function StoreLauncher(props: { open: boolean; buttonRef: Ref<HTMLButtonElement> }) {
  const { unreadCount, agent, actions } = useStore();
  const toggle = () => actions.setVisibility(props.open ? 'minimized' : 'maximized');
  return <Launcher {...props} onToggle={toggle} unread={unreadCount.value} agent={agent.value} />;
}

/**
 * The widget's root: launcher, greeting and chat window. The window is mounted on first open and
 * then only hidden, so drafts and scroll position survive minimizing. Opening moves focus into the
 * panel (the message input, else the first form control); closing from inside the panel returns
 * focus to the launcher. Nothing traps focus: the panel is a non-modal dialog.
 */
export function App({ store, texts, strings, locale = 'en', inline = false, focus = false, sound, attachments = true }: AppProps) {
  const t = useMemo(() => dictionary(texts, strings), [texts, strings]);
  const visibility = store.visibility.value;
  const open = visibility === 'maximized';
  const hasChat = store.hasChat.value;
  const everOpened = useRef(false);
  const panel = useRef<HTMLElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const focusInside = useRef(false);
  const wasOpen = useRef<boolean | null>(null);
  if (open) everOpened.current = true;

  // A visitor with a chat sees its events as soon as they arrive: the list's code comes at once, while
  // the chat is fetched, not after (the app itself loads ahead for a visitor with an ongoing chat).
  useEffect(() => {
    if (hasChat) void MessageList.load().catch(() => undefined);
  }, [hasChat]);
  // After the first paint, like every effect: focusing earlier would force a layout of the panel
  // in the same task as its first render.
  // Into the open panel: its message input when it is there and enabled, else the panel itself
  // (ChatWindow moves focus on from there as its body comes).
  useEffect(() => {
    const usable = input.current && !input.current.disabled ? input.current : panel.current;
    if (focus) (panel.current && !panel.current.hidden ? usable : button.current)?.focus();
  }, []);
  useEffect(() => {
    const changed = wasOpen.current !== null && wasOpen.current !== open;
    wasOpen.current = open;
    if (!changed) return;
    if (open) {
      const el = panel.current;
      const target = input.current && !input.current.disabled ? input.current : el?.querySelector<HTMLElement>('.body :is(input,select,textarea)');
      (target ?? el)?.focus();
    } else if (focusInside.current) {
      focusInside.current = false;
      button.current?.focus();
    }
  }, [open]);

  // The dismissed greeting held focus (its buttons): hand it to the launcher, not to the page's body.
  const dismiss = () => {
    store.actions.dismissGreeting();
    button.current?.focus();
  };

  return (
    <StringsContext.Provider value={t}>
      <LocaleContext.Provider value={locale}>
        <StoreContext.Provider value={store}>
          <div
            class={`root${open ? ' open' : ''}${inline ? ' inline' : ''}`}
            hidden={visibility === 'hidden'}
            onFocusIn={(e) => (focusInside.current = !!panel.current?.contains(e.target as Node))}
          >
            {everOpened.current && <ChatWindow open={open} panelRef={panel} inputRef={input} sound={sound} attachments={attachments} />}
            <StoreGreeting onDismiss={dismiss} />
            <StoreLauncher open={open} buttonRef={button} />
          </div>
        </StoreContext.Provider>
      </LocaleContext.Provider>
    </StringsContext.Provider>
  );
}
