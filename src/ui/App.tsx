import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChatWindow } from './ChatWindow';
import { GreetingBubble } from './GreetingBubble';
import { Launcher } from './Launcher';
import { StoreContext, useStore, type UiStore } from './store-context';
import { defaultStrings, StringsContext, type Strings } from './strings';
import type { ViewStore } from './view-store';
import { tracked } from './tracked';

/**
 * What {@link App} renders from: the chat store, the view store and presentation options.
 *
 * @example
 * const props: AppProps = { store, view: createViewStore('minimized'), strings: { title: 'Help' } };
 */
export interface AppProps {
  store: UiStore;
  view: ViewStore;
  /** Overrides of {@link defaultStrings}, by key. */
  strings?: Partial<Strings> | undefined;
  /** `false` when the embed layer draws its own launcher. */
  launcher?: boolean | undefined;
  /** Render in the page's flow (a `target` element) instead of floating. */
  inline?: boolean | undefined;
  /**
   * Take keyboard focus once first painted: the open panel, else the launcher (the widget's own
   * launcher, which had it, made way for this UI).
   */
  focus?: boolean | undefined;
}

// The greeting and the launcher follow their own views, so a new unread count or greeting
// re-renders them alone and not the panel next to them.
const StoreGreeting = tracked((props: { hidden: boolean; onOpen: () => void; onDismiss: () => void }) => {
  const store = useStore();
  const greeting = props.hidden ? null : store.greeting.value;
  return greeting && !store.isChatActive.value ? <GreetingBubble greeting={greeting} onOpen={props.onOpen} onDismiss={props.onDismiss} /> : null;
});

const StoreLauncher = tracked((props: { open: boolean; buttonRef: Ref<HTMLButtonElement>; onToggle: () => void }) => {
  const store = useStore();
  return <Launcher {...props} unread={store.unreadCount.value} agent={store.agent.value} />;
});

/**
 * The widget's root: launcher, greeting and chat window. The window is mounted on first open and
 * then only hidden, so drafts and scroll position survive minimizing. Opening moves focus into the
 * panel (the message input, else the first form control); closing from inside the panel returns
 * focus to the launcher. Nothing traps focus: the panel is a non-modal dialog.
 *
 * @example
 * render(<App store={store} view={createViewStore('minimized')} />, shadowRoot);
 */
export const App = tracked(({ store, view, strings, launcher = true, inline = false, focus = false }: AppProps) => {
  const t = useMemo(() => ({ ...defaultStrings, ...strings }), [strings]);
  const visibility = view.visibility.value;
  const open = visibility === 'maximized';
  const [dismissed, setDismissed] = useState(false);
  const everOpened = useRef(false);
  const panel = useRef<HTMLElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const focusInside = useRef(false);
  const wasOpen = useRef<boolean | null>(null);
  if (open) everOpened.current = true;

  // After the first paint, like every effect: focusing earlier would force a layout of the panel
  // in the same task as its first render.
  useEffect(() => {
    if (focus) (panel.current && !panel.current.hidden ? panel.current : button.current)?.focus();
  }, []);
  useEffect(() => {
    const changed = wasOpen.current !== null && wasOpen.current !== open;
    wasOpen.current = open;
    store.actions.setPanelVisible(open);
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
    setDismissed(true);
    button.current?.focus();
  };

  return (
    <StringsContext.Provider value={t}>
      <StoreContext.Provider value={store}>
        <div
          class={`root${open ? ' open' : ''}${inline ? ' inline' : ''}`}
          hidden={visibility === 'hidden'}
          onFocusIn={(e) => (focusInside.current = !!panel.current?.contains(e.target as Node))}
        >
          {everOpened.current && (
            <ChatWindow open={open} onMinimize={view.minimize} panelRef={panel} inputRef={input} draft={view.draft.value} />
          )}
          <StoreGreeting hidden={open || dismissed} onOpen={view.maximize} onDismiss={dismiss} />
          {launcher && <StoreLauncher open={open} buttonRef={button} onToggle={open ? view.minimize : view.maximize} />}
        </div>
      </StoreContext.Provider>
    </StringsContext.Provider>
  );
});
