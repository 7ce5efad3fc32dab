// The lazily loaded chat app (`dist/chatlet-app.mjs`): the protocol client, the chat store and the
// UI, wired to the widget's commands and events. Nothing runs here before the widget starts it, so
// with consent `on-interaction` no socket, cookie or storage write happens before the visitor opens.
import { effect } from '@preact/signals-core';
import css from '../../styles/widget.css';
import { createChatStore } from '../chat/create-chat-store';
import { createCustomerConnection } from '../protocol/customer-connection';
import type { CustomerPage } from '../protocol/types';
import { mountUi } from '../ui/mount-ui';
import { nextTask } from '../ui/next-task';
import type { AppContext, AppHandle } from './app-types';
import { forwardStoreEvents } from './forward-store-events';
import { ongoingChatKey } from './ongoing-chat-key';
import { pageAttention } from './page-attention';
import { trackPages } from './track-pages';
import type { PageInfo } from './types';

// For the npm entry, which waits a task after loading this chunk: with the chunk's copy, not one of its own.
export { nextTask };
// The widget asks where this tab stands among the visitor's tabs before it starts the app.
export { joinTabs } from './join-tabs';

const pageKey = (page: PageInfo) => `${page.url}\n${page.title ?? ''}`;
// Reading it throws where storage is blocked: the draft then lasts as long as the page.
const session = () => {
  try {
    return sessionStorage;
  } catch {
    return null;
  }
};

/**
 * Starts the chat in the widget's shadow root: connects, renders the UI, forwards events and tracks
 * pages. Returns the handle the widget drives; `dispose()` releases the socket, every listener,
 * timer, effect and element it added.
 */
export function startApp(ctx: AppContext): AppHandle {
  const { config } = ctx;
  const { licenseId, groupId } = config;
  // The client reads both objects at every login, so changes made while offline go out on the next one.
  const customer = { ...config.customer, ...ctx.customer };
  let manualPage = ctx.page;
  let attention: ReturnType<typeof pageAttention> | undefined;
  const page: CustomerPage = {
    get url() {
      return manualPage?.url ?? location.href;
    },
    get title() {
      // Without the unread badge the widget may have put on it.
      return manualPage ? (manualPage.title ?? '') : (attention?.title() ?? document.title);
    },
  };
  let lastPage = pageKey(page);

  // Every request goes through `request()`, so the bundle leaves the camelCase wrappers out (~180 B gzip).
  const connection = () =>
    createCustomerConnection({
      licenseId,
      groupId,
      apiUrl: config.apiUrl,
      accountsUrl: config.accountsUrl,
      clientId: config.clientId,
      getToken: config.getToken,
      customer,
      customerPage: page,
    });
  // One connection for the visitor's tabs where the browser can elect one; else one per tab.
  const seat = ctx.tabs?.join(connection);
  const own = seat ? undefined : connection();
  const client = seat?.client ?? own!;
  // Pushes that queue up while the page is busy (a burst) are applied, and rendered, together.
  const store = createChatStore({
    client,
    peers: seat?.peers,
    licenseId,
    groupId,
    batchPushes: true,
    visibility: ctx.visibility,
    draftStorage: session(),
    maxFileSize: config.maxFileSize,
  });
  store.actions.setVisibility(ctx.visibility, ctx.messageDraft);
  attention = pageAttention(store, ctx.root, config);
  // Each in a task of its own after this one (which makes the client and the store): connecting,
  // first, so the token and login travel while the UI mounts; then the stylesheet; then the render.
  let disposed = false;
  void nextTask().then(() => {
    if (!disposed) void store.actions.connect();
  });
  const unmount = mountUi({
    root: ctx.root,
    css,
    addStyles: ctx.addStyles,
    store,
    texts: ctx.texts,
    strings: config.strings,
    locale: ctx.locale,
    inline: !!config.target,
    attachments: config.attachments !== false,
    viewport: window.visualViewport,
    // The launcher the visitor was on goes: the UI focuses the open chat window (a dialog), else its
    // own launcher, so keyboard users carry on where they were.
    focus: ctx.focus,
    nextTask,
    onMounted: ctx.mounted,
    sound: config.sound !== false,
  });
  const stopForwarding = forwardStoreEvents(store, ctx.emit);

  // Lets the eager script on the next page load the chat on idle while a chat is ongoing, and the
  // widget there open its panel if the visitor left this page with it open a moment before (see
  // `ongoingChat`): an open panel is marked with the time, marked again as the page goes.
  const key = ongoingChatKey(licenseId, groupId);
  const mark = (active: boolean, open: boolean) => {
    try {
      if (active) localStorage.setItem(key, open ? String(Date.now()) : '1');
      else localStorage.removeItem(key);
    } catch {
      // No storage: the next page waits for the visitor's intent instead.
    }
  };
  const stopMarking = effect(() => mark(store.isChatActive.value, store.visibility.value == 'maximized'));
  const leaving = () => mark(store.isChatActive.peek(), store.visibility.peek() == 'maximized');
  addEventListener('pagehide', leaving);

  // Requests made while offline are unnecessary (login sends the current page and customer) and
  // fail with a connection error, which is not worth reporting.
  const whenOnline = (what: string, request: () => Promise<unknown>) => {
    if (client.state != 'online') return;
    request().catch((e: Error) => client.state == 'online' && console.error(`chatlet: could not ${what} (${e.message})`));
  };
  const sendPage = () => {
    const next = pageKey(page);
    if (next == lastPage) return;
    lastPage = next;
    whenOnline('update the page', () => client.request('update_customer_page', { url: page.url, title: page.title }));
  };
  let stopTracking = manualPage ? () => {} : trackPages(sendPage);

  return {
    setVisibility: (visibility, draft) => store.actions.setVisibility(visibility, draft),
    setCustomer(patch) {
      Object.assign(customer, patch);
      whenOnline('update the customer', () =>
        patch.fields ? client.request('set_customer_fields', { fields: patch.fields }) : client.request('update_customer', patch),
      );
    },
    updatePage(next) {
      stopTracking();
      stopTracking = () => {};
      manualPage = next;
      sendPage();
    },
    get(name) {
      const state = store.state.value;
      if (name == 'chat_data') return store.chatData.value as never;
      return {
        id: state.customerId ?? '',
        isReturning: Object.keys(state.chats).length > 0,
        status: store.customerStatus.value,
      } as never;
    },
    dispose() {
      disposed = true;
      stopTracking();
      stopMarking();
      removeEventListener('pagehide', leaving);
      stopForwarding();
      attention!.stop();
      unmount();
      store.dispose();
      seat?.close();
      own?.close();
    },
  };
}
