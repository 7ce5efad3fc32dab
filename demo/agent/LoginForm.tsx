// Logging in with an agent access token (the sandbox fixture's, in the demo).
import { useState } from 'preact/hooks';
import type { ConsoleStore } from './console-store';

/**
 * The login screen; shows the connection progress and why a login failed.
 * @example
 * <LoginForm store={store} suggestedToken="demo-agent-token" />
 */
export function LoginForm({ store, suggestedToken }: { store: ConsoleStore; suggestedToken: string }) {
  const [token, setToken] = useState(suggestedToken);
  const { connection, error } = store.state.value;
  const busy = connection === 'connecting' || connection === 'reconnecting';
  return (
    <main class="login">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) store.login(token.trim());
        }}
      >
        <h1>Agent console</h1>
        <p>Log in with an agent access token to answer the visitors of the demo shop.</p>
        <label for="token">Access token</label>
        <input id="token" value={token} autoComplete="off" spellcheck={false} onInput={(e) => setToken(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy || !token.trim()}>
          {busy ? 'Connecting…' : 'Log in'}
        </button>
        {error && !busy && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <p class="hint">
          Fixture agents: <code>demo-agent-token</code> (Alex Agent) and <code>demo-bot-token</code> (Chatlet Bot).
        </p>
      </form>
    </main>
  );
}
