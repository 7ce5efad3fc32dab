import type { Ref } from 'preact';
import { useContext, useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TimelineItem } from '../chat/state/timeline';
import type { RichMessageButton } from '../protocol/types';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { Conversation } from './Conversation';
import { ErrorNotice } from './ErrorNotice';
import { Header } from './Header';
import { HeaderMenu } from './HeaderMenu';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { SurveyForm } from './SurveyForm';
import { DropTarget, loadParts, WebviewPanel } from './parts';
import type { WebviewHeight } from './WebviewPanel';

// Reasons shown for a stop the visitor can undo by acting (the connection paused, not refused).
const RESUMABLE = ['inactivity_timeout'];

// The header and the connection's banner and error notice follow their own signals: a connection
// change re-renders them, not the panel's body.
function StoreHeader(props: { titleId: string; onMinimize: () => void; sound: boolean }) {
  const { agent, muted, actions } = useStore();
  const menu = props.sound && <HeaderMenu muted={muted.value} onMute={(on) => actions.setMuted(on)} />;
  return <Header agent={agent.value} titleId={props.titleId} onMinimize={props.onMinimize} menu={menu} />;
}

function ConnectionStatus() {
  const { connectionState, stopReason, lastError, actions } = useStore();
  const reason = stopReason.value;
  return (
    <>
      <ConnectionBanner
        state={connectionState.value}
        reason={reason}
        onReconnect={reason && RESUMABLE.includes(reason) ? () => actions.connect() : undefined}
      />
      {lastError.value && <ErrorNotice onDismiss={() => actions.dismissError()} />}
    </>
  );
}

function StoreComposer(props: { inputRef?: { current: HTMLTextAreaElement | null } | undefined; disabledReason: string | null; onAttach?: (files: File[]) => unknown }) {
  const { draft, actions } = useStore();
  return <Composer {...props} text={draft.value} onTyping={(text) => actions.type(text)} onSend={(text) => actions.send(text)} />;
}

const carriesFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');

/**
 * The chat panel: header (with the menu when there are sounds to mute), connection banner, then either
 * the prechat form (when the group requires one before the first message) or the conversation, and
 * the composer. Esc minimizes (or first closes an open webview). A webview button opens its page over
 * the chat. With `attachments`, files dropped anywhere on the panel are sent (a drop target shows
 * while they are dragged over it); without, the panel refuses them.
 */
export function ChatWindow(props: {
  open: boolean;
  panelRef?: Ref<HTMLElement>;
  inputRef?: { current: HTMLTextAreaElement | null };
  sound?: boolean | undefined;
  attachments?: boolean | undefined;
}) {
  const t = useContext(StringsContext);
  const store = useStore();
  const { actions } = store;
  const [webview, setWebview] = useState<{ url: string; height: WebviewHeight | undefined } | null>(null);
  const titleId = useId();
  const hasChat = store.hasChat.value;
  const can = store.canSend.value;
  const prechat = store.forms.value.prechat;
  const minimize = () => actions.setVisibility('minimized');
  // The prechat form is asked for when a visitor without a chat opens the window.
  useEffect(() => {
    if (props.open && !hasChat && !prechat) actions.loadForm('prechat');
  }, [props.open, !hasChat, !prechat]);
  // On the first open the panel's frame (header, banner) renders first and its body a frame later,
  // so that opening is two shorter tasks on the host page instead of one long one.
  const [shown, show] = useState(false);
  useEffect(() => {
    if (props.open) show(true);
  }, [props.open]);
  // Once the panel is usable (the prechat form, or the conversation once the form is known not to
  // be needed), what it may need later loads while the visitor reads or types: a second later, when
  // the page is idle, so that it does not compete with the opening (a history still rendering).
  const usable = shown && (hasChat || prechat?.status === 'ready' || prechat?.status === 'error');
  useEffect(() => {
    if (!usable) return;
    const idle = globalThis.requestIdleCallback ?? setTimeout;
    let id: unknown = setTimeout(() => (id = idle(() => void loadParts().catch(() => undefined), { timeout: 5000 } as never)), 1000);
    return () => {
      clearTimeout(id as never);
      globalThis.cancelIdleCallback?.(id as never);
    };
  }, [usable]);
  const form = can.reason === 'prechat_required' && prechat?.status === 'ready' ? prechat.form : null;
  const body = useRef<HTMLDivElement>(null);
  // Read while rendering, before this render reaches the DOM: whether focus is in the panel now.
  const active = (body.current?.getRootNode() as Document | ShadowRoot | undefined)?.activeElement ?? null;
  const focusInPanel = !!body.current?.parentElement?.contains(active);
  const lostFocus = useRef(false);
  // The prechat form and the message input replace each other, and the focused one goes with them,
  // which leaves focus on the page's body.
  useLayoutEffect(() => {
    const doc = body.current?.ownerDocument;
    if (focusInPanel && doc && (!doc.activeElement || doc.activeElement === doc.body)) lostFocus.current = true;
  }, [!form]);
  // After the paint, so that focusing does not force a layout into the render's task: focus left on
  // the page's body that way, or on the panel itself (opened before its body or an enabled input was
  // there), goes on to the message input, else the body's first field. Focus the visitor moved
  // anywhere else stays.
  useEffect(() => {
    const el = body.current;
    const lost = lostFocus.current;
    lostFocus.current = false;
    if (!el || !props.open) return;
    const doc = el.ownerDocument;
    const onPanel = (el.getRootNode() as Document | ShadowRoot).activeElement === el.parentElement;
    if (!onPanel && !(lost && (!doc.activeElement || doc.activeElement === doc.body))) return;
    const input = props.inputRef?.current;
    (input && !input.disabled ? input : el.querySelector<HTMLElement>('input,select,textarea'))?.focus();
  }, [!form, shown, can.reason === 'connection_closed']);

  const [dragging, drag] = useState(false);
  // Files go where the composer is: not over the prechat form, nor once the chat is unavailable.
  const accepts = props.attachments && shown && !form && can.reason !== 'connection_closed';
  const onDrag = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    // Refused: no drop here, and the page does not open the file instead.
    e.preventDefault();
    e.dataTransfer!.dropEffect = accepts ? 'copy' : 'none';
    if (accepts && !dragging) drag(true);
  };

  const press = (item: TimelineItem, button: RichMessageButton) => {
    actions.pressButton(item, button);
    if (button.type === 'webview') setWebview({ url: String(button.value ?? ''), height: button.webview_height });
  };

  return (
    <section
      class="panel"
      ref={props.panelRef}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      hidden={!props.open}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={(e) => {
        const to = e.relatedTarget as Node | null;
        if (!to || !e.currentTarget.contains(to)) drag(false);
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        drag(false);
        if (accepts) void actions.attach([...e.dataTransfer!.files]);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (webview) setWebview(null);
        else minimize();
      }}
    >
      <StoreHeader titleId={titleId} onMinimize={minimize} sound={!!props.sound} />
      <ConnectionStatus />
      <div class="body" ref={body}>
        {!shown ? null : form ? (
          <SurveyForm form={form} submitLabel={t.startChat} onSubmit={({ formId, fields }) => actions.startChat({ formId, fields })} />
        ) : (
          <Conversation onPress={press} />
        )}
      </div>
      {webview && <WebviewPanel url={webview.url} height={webview.height} onClose={() => setWebview(null)} />}
      {/* An offline group still takes messages (continuous chat); only a connection stopped for good disables the input. */}
      {shown && !form && (
        <StoreComposer
          inputRef={props.inputRef}
          disabledReason={can.reason === 'connection_closed' ? t.stopped : null}
          onAttach={props.attachments ? (files) => actions.attach(files) : undefined}
        />
      )}
      {dragging && <DropTarget />}
    </section>
  );
}
