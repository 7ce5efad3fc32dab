import type { Ref } from 'preact';
import { useContext, useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TimelineItem } from '../chat/selectors';
import type { FilledFormField, RichMessageButton } from '../protocol/types';
import { Composer } from './Composer';
import { ConnectionBanner } from './ConnectionBanner';
import { Conversation } from './Conversation';
import { ErrorNotice } from './ErrorNotice';
import { Header } from './Header';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { SurveyForm } from './SurveyForm';
import { WebviewPanel, type WebviewHeight } from './WebviewPanel';
import { tracked } from './tracked';

// Reasons shown for a stop the visitor can undo by acting (the connection paused, not refused).
const RESUMABLE = ['inactivity_timeout'];

// The prechat form's `question` is what the visitor came to ask, so it also opens the chat as their
// first message, in the same start_chat as the form (protocol-notes §4: events [filledForm, firstMessage]).
const firstMessage = (fields: FilledFormField[]) => {
  const question = fields.find((f) => f.type === 'question');
  return question && 'answer' in question && typeof question.answer === 'string' ? question.answer : undefined;
};

/**
 * The chat panel: header, connection banner, then either the prechat form (when the group requires
 * one before the first message) or the conversation, and the composer. Esc minimizes (or first
 * closes an open webview). Rich-message buttons post back, and `message` buttons also send their
 * label while `webview` buttons open their page over the chat.
 *
 * @example
 * <ChatWindow open onMinimize={view.minimize} />
 */
export const ChatWindow = tracked((props: {
  open: boolean;
  onMinimize: () => void;
  panelRef?: Ref<HTMLElement>;
  inputRef?: { current: HTMLTextAreaElement | null };
  draft?: string;
}) => {
  const t = useContext(StringsContext);
  const store = useStore();
  const { actions } = store;
  const [webview, setWebview] = useState<{ url: string; height: WebviewHeight | undefined } | null>(null);
  const titleId = useId();
  const s = store.state.value;
  const chat = store.currentChat.value;
  const can = store.canSend.value;
  const prechat = s.forms.prechat;
  // The prechat form is asked for when a visitor without a chat opens the window.
  useEffect(() => {
    if (props.open && !chat && !prechat) actions.loadForm('prechat');
  }, [props.open, !chat, !prechat]);
  const form = can.reason === 'prechat_required' && prechat?.status === 'ready' ? prechat.form : null;
  const hadForm = useRef(false);
  // Sending the prechat form removes it, and the focused button with it, which leaves focus nowhere
  // (the page's body): the visitor carries on in the message input instead.
  useEffect(() => {
    const input = props.inputRef?.current;
    const active = input?.ownerDocument.activeElement;
    if (hadForm.current && !form && props.open && input && (!active || active === input.ownerDocument.body)) input.focus();
    hadForm.current = !!form;
  }, [!form]);
  const stopReason = s.connectionInfo?.reason;
  // An offline group still takes messages (continuous chat): the offline notice says so, and only
  // a connection stopped for good disables the input (the banner above gives the reason).
  const disabledReason = can.reason === 'connection_closed' ? t.stopped : null;

  const press = (item: TimelineItem, button: RichMessageButton) => {
    if (item.threadId && !item.event.id.startsWith('local:')) {
      actions.sendPostback({ eventId: item.event.id, threadId: item.threadId, postbackId: button.postback_id, toggled: true });
    }
    if (button.type === 'webview') setWebview({ url: String(button.value ?? ''), height: button.webview_height });
    else if (!button.type || button.type === 'message') actions.sendMessage(String(button.text ?? ''));
  };

  return (
    <section
      class="panel"
      ref={props.panelRef}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      hidden={!props.open}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (webview) setWebview(null);
        else props.onMinimize();
      }}
    >
      <Header agent={store.agent.value} titleId={titleId} onMinimize={props.onMinimize} />
      <ConnectionBanner
        state={s.connection}
        reason={stopReason}
        onReconnect={stopReason && RESUMABLE.includes(stopReason) ? () => actions.connect() : undefined}
      />
      {s.lastError && s.connection !== 'closed' && <ErrorNotice onDismiss={() => actions.dismissError()} />}
      <div class="body">
        {form ? (
          <SurveyForm
            form={form}
            submitLabel={t.startChat}
            onSubmit={({ formId, fields }) => actions.startChat({ filledForm: { formId, fields }, text: firstMessage(fields) })}
          />
        ) : (
          <Conversation onPress={press} />
        )}
      </div>
      {webview && <WebviewPanel url={webview.url} height={webview.height} onClose={() => setWebview(null)} />}
      {!form && (
        <Composer
          inputRef={props.inputRef}
          draft={props.draft}
          disabledReason={disabledReason}
          onTyping={(text) => actions.typing(text)}
          onSend={(text) => actions.sendMessage(text)}
        />
      )}
    </section>
  );
});
