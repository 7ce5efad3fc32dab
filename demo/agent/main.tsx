// Entry of the agent console page: reads the API address the demo server put in the page's
// <meta> tags and mounts the app.
import { render } from 'preact';
import type { AgentSocket } from './agent-client';
import { App } from './App';
import { createConsoleStore } from './console-store';

const meta = (name: string): string => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

const store = createConsoleStore({
  apiUrl: meta('chatlet-api-url'),
  connect: (url) => new WebSocket(url) as unknown as AgentSocket,
  siteOrigin: location.origin,
});
render(<App store={store} suggestedToken={meta('chatlet-agent-token')} />, document.getElementById('app')!);
