// The reply box: Enter sends, Shift+Enter breaks the line. Typing sends `is_typing: true` once
// and `false` after 3 s of quiet, on send, and when the chat is left. A reply that fails to send
// comes back into the box. Two buttons send the sample rich messages, one a file.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleStore } from './console-store';

const IDLE_MS = 3_000;

/**
 * The composer of one chat.
 * @example
 * <Composer chatId={chat.id} store={store} />
 */
export function Composer({ chatId, store }: { chatId: string; store: ConsoleStore }) {
  const [text, setText] = useState('');
  const [sendingFile, setSendingFile] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const stopTyping = (): void => {
    clearTimeout(idle.current);
    if (!typing.current) return;
    typing.current = false;
    store.setTyping(chatId, false);
  };
  useEffect(() => stopTyping, [chatId]);

  const onInput = (value: string): void => {
    setText(value);
    if (!value.trim()) return stopTyping();
    if (!typing.current) {
      typing.current = true;
      store.setTyping(chatId, true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, IDLE_MS);
  };

  const send = async (): Promise<void> => {
    const reply = text.trim();
    if (!reply) return;
    stopTyping();
    setText('');
    if (!(await store.sendText(chatId, reply))) setText((current) => current || reply);
  };

  const sendFile = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setSendingFile(true);
    await store.sendFile(chatId, file);
    setSendingFile(false);
  };

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        rows={3}
        value={text}
        aria-label="Reply"
        placeholder="Type a reply… (Enter sends, Shift+Enter adds a line)"
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <div class="tools">
        <input type="file" ref={picker} hidden aria-hidden="true" tabIndex={-1} onChange={(e) => void sendFile(e.currentTarget)} />
        <button type="button" disabled={sendingFile} onClick={() => picker.current?.click()}>
          {sendingFile ? 'Sending file…' : 'Send a file'}
        </button>
        <button type="button" onClick={() => store.sendCards(chatId)}>
          Send cards
        </button>
        <button type="button" onClick={() => store.sendQuickReplies(chatId)}>
          Send quick replies
        </button>
        <button type="submit" class="primary" disabled={!text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
