// A React app with `chatlet/react`, bundled with esbuild once per React version (`react`, `react-dom`
// and `chatlet/react` are aliases). The tests drive it through `window.harness`: what to render
// (with or without <ChatWidget>, in StrictMode, with which props), and read the hooks' values from
// two <pre>s, one inside <ChatWidget> (context) and one outside (the last widget mounted).
import { createElement as h, StrictMode, version } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import {
  ChatWidget,
  useChatWidget,
  useWidgetChatData,
  useWidgetCustomerData,
  useWidgetGreeting,
  useWidgetIsReady,
  useWidgetState,
  useWidgetUnreadCount,
} from 'chatlet/react';

const EVENTS = [
  'onReady',
  'onVisibilityChanged',
  'onAvailabilityChanged',
  'onNewEvent',
  'onFormSubmitted',
  'onRatingSubmitted',
  'onCustomerStatusChanged',
  'onGreetingDisplayed',
  'onGreetingHidden',
];
const log = [];

function Hooks({ id }) {
  const value = {
    widget: !!useChatWidget(),
    isReady: useWidgetIsReady(),
    state: useWidgetState(),
    chatData: useWidgetChatData(),
    customerData: useWidgetCustomerData(),
    greeting: useWidgetGreeting(),
    unread: useWidgetUnreadCount(),
  };
  return h('pre', { id }, JSON.stringify(value));
}

function App({ widget, props, tag }) {
  // New handler functions on every render: the widget must not notice.
  const handlers = Object.fromEntries(EVENTS.map((name) => [name, (payload) => log.push([tag, name, payload])]));
  return h('main', null, h(Hooks, { id: 'outside' }), widget && h(ChatWidget, { ...props, ...handlers }, h(Hooks, { id: 'inside' })));
}

const root = createRoot(document.getElementById('root'));
let state = { strict: false, widget: false, props: {}, tag: 'first' };
const render = () => {
  const app = h(App, state);
  root.render(state.strict ? h(StrictMode, null, app) : app);
};
const set = (patch) => {
  state = { ...state, ...patch, props: { ...state.props, ...patch.props } };
  render();
};

window.harness = {
  version,
  log,
  set,
  /** Each step committed at once: what a router does on quick navigations. */
  steps(patches) {
    for (const patch of patches) flushSync(() => set(patch));
  },
  hooks: (id) => JSON.parse(document.getElementById(id)?.textContent ?? 'null'),
};
render();
