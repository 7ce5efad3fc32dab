// The console's layout: the login form until an agent is in, then the chat lists, the open
// chat and the customer's details side by side.
import type { ConsoleStore } from './console-store';
import { chatLists } from './console-selectors';
import { ChatList } from './ChatList';
import { ChatView } from './ChatView';
import { CustomerPanel } from './CustomerPanel';
import { LoginForm } from './LoginForm';

const STATUS: Record<string, string> = { online: 'Online', connecting: 'Connecting…', reconnecting: 'Reconnecting…', closed: 'Disconnected' };

/**
 * The agent console.
 * @example
 * render(<App store={createConsoleStore(options)} suggestedToken="demo-agent-token" />, root);
 */
export function App({ store, suggestedToken }: { store: ConsoleStore; suggestedToken: string }) {
  const state = store.state.value;
  if (!state.me) return <LoginForm store={store} suggestedToken={suggestedToken} />;
  const chat = state.selected ? state.chats[state.selected] : undefined;
  return (
    <div class="app">
      <header class="bar">
        <strong class="brand">Chatlet · Agent console</strong>
        <span class={`status ${state.connection}`}>{STATUS[state.connection] ?? state.connection}</span>
        <span class="me">{state.me.name}</span>
        <button type="button" class="link" onClick={() => store.logout()}>
          Log out
        </button>
      </header>
      {state.error && (
        <div class="error" role="alert">
          <span>{state.error}</span>
          <button type="button" class="link" onClick={() => store.dismissError()}>
            Dismiss
          </button>
        </div>
      )}
      <div class="main">
        <ChatList lists={chatLists(state)} selected={state.selected} onSelect={(id) => store.select(id)} />
        {chat ? (
          <ChatView key={chat.id} chat={chat} me={state.me.id} store={store} />
        ) : (
          <section class="view empty">
            <p>Pick a chat on the left. New visitors appear under “Queue” or “My chats”.</p>
          </section>
        )}
        {chat && <CustomerPanel chat={chat} />}
      </div>
    </div>
  );
}
