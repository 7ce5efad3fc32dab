// Every UI state the gallery shows: what the server sent, through the chat layer's own translations
// (from-login, from-reply, from-push), and the store's own changes, reduced by the real reducer.
import type { Change } from '../../src/chat/state/change';
import { fromLogin } from '../../src/chat/state/from-login';
import { fromPush } from '../../src/chat/state/from-push';
import { fromReply } from '../../src/chat/state/from-reply';
import type { ConnectionView } from '../../src/chat/views';
import type { Visibility } from '../../src/chat/visibility';
import type { ChatEvent, Customer, Agent, LoginResponse } from '../../src/protocol/types';
import type { Strings } from '../../src/ui/strings';
import {
  AGENT_ID,
  allFieldsForm,
  carousel,
  CUSTOMER_ID,
  hostileEvents,
  img,
  imageFile,
  pdfFile,
  postchatForm,
  ratedPostchatForm,
  quickReplies,
  releasedFilledForm,
  seedCustom,
  singleCard,
  sticker,
} from './fixtures';

/** One gallery state: how to build it and how to frame it. */
export interface Scene {
  name: string;
  title: string;
  changes: Change[];
  visibility: Visibility;
  /** The connection, when it is not online. */
  connection?: ConnectionView;
  /** `color-scheme` of the shadow host: `dark`, or `light dark` to follow the system. */
  scheme?: string;
  position?: 'left';
  /** The page's direction (`<html dir>`), which the widget takes on. */
  dir?: 'rtl';
  /** UI text overrides, as the `strings` option gives them. */
  strings?: Partial<Strings>;
  /** Rendered into a box in the page (the `target` option) instead of floating. */
  inline?: boolean;
  /** Files uploading, by custom_id: how far, 0 to 1. */
  uploadProgress?: Record<string, number>;
  width?: number;
  height?: number;
}

const now = Date.now();
const ago = (min: number) => new Date(now - min * 60_000).toISOString();
const customer: Customer = { id: CUSTOMER_ID, type: 'customer', name: 'Jan Kowalski' };
const agent: Agent = { id: AGENT_ID, type: 'agent', name: 'Bart Simmons', job_title: 'Support Agent', avatar: img('agent.svg'), present: true };
const predicted = { id: AGENT_ID, name: 'Bart Simmons', type: 'agent' as const, avatar: img('agent.svg'), job_title: 'Support Agent' };
const at = <E extends ChatEvent>(e: E, min: number): E => ({ ...e, created_at: ago(min), order: undefined, timestamp: undefined });
const msg = (id: string, who: string, text: string, min: number): ChatEvent => ({ id, type: 'message', author_id: who, text, created_at: ago(min) });
const sys = (id: string, text: string, min: number): ChatEvent => ({ id, type: 'system_message', text, created_at: ago(min) });

const login = (online: boolean, chat: boolean, extra: Partial<LoginResponse['__priv_dynamic_config']> = {}): Change[] =>
  fromLogin({
    customer_id: CUSTOMER_ID,
    chats: chat ? [{ chat_id: 'C1', has_active_thread: true }] : [],
    __priv_dynamic_config: { online_groups_ids: online ? [0] : [], predicted_agent: predicted, ...extra },
  });

const chatWith = (events: ChatEvent[], active = true): Change[] =>
  fromReply('get_chat_threads', { chat_id: 'C1' }, {
    chat: { id: 'C1', users: [customer, agent], threads: [{ id: 'T1', active, order: 1, user_ids: [CUSTOMER_ID, AGENT_ID], events }] },
  });

const seen = (min: number): Change => ({ type: 'seen_updated', chatId: 'C1', seenUpTo: now - min * 60_000 });

// The visitor answered the quick replies with their first button, so the (by now older) question
// shows that pick; unpicked quick replies go once the conversation moves on.
const answered = {
  ...quickReplies,
  elements: quickReplies.elements!.map((e) => ({ ...e, buttons: e.buttons!.map((b, i) => ({ ...b, user_ids: i ? [] : [CUSTOMER_ID] })) })),
};

const everything: ChatEvent[] = [
  at(releasedFilledForm, 1500),
  sys('s1', 'Bart Simmons joined the chat.', 1499),
  msg('m1', AGENT_ID, 'Hi Jan! Thanks for reaching out. How can I help you today?', 1498),
  msg('m2', CUSTOMER_ID, 'Hi! I was charged twice for my May invoice.', 1497),
  msg('m3', AGENT_ID, 'Sorry about that! Here is the invoice so you can double-check:', 42),
  at(pdfFile, 41),
  at(imageFile, 38),
  msg('m4', CUSTOMER_ID, 'And this is the screenshot from my bank 👆', 38),
  msg('m5', AGENT_ID, 'Thanks. You can also see every charge at https://example.com/billing — the second one is already refunded.', 30),
  at(singleCard, 29),
  at(carousel, 28),
  at(answered, 27),
  msg('m6', CUSTOMER_ID, 'Yes, thanks', 26),
  at(sticker, 25),
  at(seedCustom, 24),
];

const failed: Change = {
  type: 'send_queued',
  entries: [
    { customId: 'l1', event: { type: 'message', text: 'Could you email me a receipt as well?', custom_id: 'l1' }, status: 'failed', createdAt: now - 60_000, chatId: 'C1' },
    { customId: 'l2', event: { type: 'message', text: 'One more thing…', custom_id: 'l2' }, status: 'queued', createdAt: now, chatId: 'C1' },
  ],
};

// The visitor's files on their way, one in each state the outbox gives them.
const fileEntry = (customId: string, name: string, type: string, size: number, extra: object = {}) => ({
  customId,
  event: { type: 'file' as const, url: '', custom_id: customId },
  file: { name, type, size },
  status: 'queued' as const,
  createdAt: now,
  chatId: 'C1',
  ...extra,
});
const files: Change = {
  type: 'send_queued',
  entries: [
    fileEntry('f1', 'invoice-may.pdf', 'application/pdf', 184_320),
    fileEntry('f2', 'screen recording.mov', 'video/quicktime', 48_000_000, { status: 'failed', error: 'file_too_large' }),
    fileEntry('f3', 'photo <b>1</b>.jpg', 'image/jpeg', 2_400_000, { status: 'failed', error: 'network_error' }),
    fileEntry('f4', 'notes.txt', 'text/plain', 0, { status: 'failed', error: 'file_missing' }),
    fileEntry('f5', 'contract-signed.pdf', 'application/pdf', 912_000),
  ],
};

const short: ChatEvent[] = [
  msg('m1', AGENT_ID, 'Hi Jan! How can I help you today?', 6),
  msg('m2', CUSTOMER_ID, 'Where can I change my billing address?', 4),
  msg('m3', CUSTOMER_ID, 'I moved last month.', 4),
];

const typing = fromPush('incoming_typing_indicator', { chat_id: 'C1', thread_id: 'T1', typing_indicator: { author_id: AGENT_ID, is_typing: true } });

const chatting = [...login(true, true), ...chatWith(everything), failed, seen(0)];
const ended = [...login(true, true), ...chatWith([...short, msg('m4', AGENT_ID, 'Settings → Billing → Address. Anything else?', 3), msg('m5', CUSTOMER_ID, 'No, that is all. Thanks!', 2), sys('s2', 'Bart Simmons closed the chat.', 1)], false), seen(0)];
// A Hebrew page: the widget mirrors, and text in the other direction (the order number, an English
// line) keeps its own.
const hebrew = [
  ...login(true, true),
  ...chatWith([
    msg('h1', AGENT_ID, 'שלום יאן! איך אפשר לעזור היום?', 6),
    msg('h2', CUSTOMER_ID, 'חויבתי פעמיים על הזמנה 4521.', 5),
    msg('h3', CUSTOMER_ID, 'Order #4521, May invoice!', 5),
    msg('h4', AGENT_ID, 'מצטער על זה! החיוב השני כבר הוחזר: https://example.com/billing', 3),
    at(carousel, 2),
  ]),
  seen(0),
];
const hebrewStrings: Partial<Strings> = { title: 'צ׳אט איתנו', placeholder: 'כתבו הודעה…', send: 'שליחה', minimize: 'מזעור' };

const greeting = {
  id: 342543723,
  unique_id: 'e35a4fb4106d87e550fe1af480639058',
  text: 'Hi! 👋 Looking for the right plan? I can help you choose.',
  agent: { ...predicted, is_bot: false },
  displayed_first_time: true,
};

export const scenes: Scene[] = [
  { name: 'greeting', title: 'Minimized with greeting', visibility: 'minimized', changes: login(true, false, { greeting }) },
  { name: 'unread', title: 'Minimized, 2 unread', visibility: 'minimized', changes: [...login(true, true), ...chatWith([...short, msg('m4', AGENT_ID, 'Sure! Settings → Billing → Address.', 2), msg('m5', AGENT_ID, 'It applies to the next invoice.', 1)]), seen(3)] },
  { name: 'welcome', title: 'Open, no chat yet', visibility: 'maximized', changes: login(true, false) },
  { name: 'prechat', title: 'Prechat form (every field type)', visibility: 'maximized', changes: [...login(true, false), { type: 'form_loaded', formType: 'prechat', enabled: true, form: allFieldsForm }] },
  { name: 'chatting', title: 'Chatting: every event type', visibility: 'maximized', changes: chatting },
  { name: 'typing', title: 'Agent typing', visibility: 'maximized', changes: [...login(true, true), ...chatWith(short), seen(0), ...typing] },
  { name: 'offline', title: 'Group offline (leave a message)', visibility: 'maximized', changes: login(false, false) },
  { name: 'reconnecting', title: 'Reconnecting', visibility: 'maximized', changes: [...login(true, true), ...chatWith(short), seen(0)], connection: { state: 'reconnecting', reason: null } },
  { name: 'stopped', title: 'Stopped for good', visibility: 'maximized', changes: [...login(true, true), ...chatWith(short), seen(0)], connection: { state: 'closed', reason: 'customer_banned' } },
  { name: 'rating', title: 'Chat ended: rating and postchat form', visibility: 'maximized', changes: [...ended, { type: 'form_loaded', formType: 'postchat', enabled: true, form: postchatForm }] },
  { name: 'rating-form', title: 'Chat ended: postchat form with its own rating', visibility: 'maximized', changes: [...ended, { type: 'form_loaded', formType: 'postchat', enabled: true, form: ratedPostchatForm }] },
  { name: 'dark', title: 'Dark mode', visibility: 'maximized', scheme: 'dark', changes: chatting },
  { name: 'dark-prechat', title: 'Dark mode, prechat', visibility: 'maximized', scheme: 'dark', changes: [...login(true, false), { type: 'form_loaded', formType: 'prechat', enabled: true, form: allFieldsForm }] },
  { name: 'narrow', title: 'Narrow screen (375 px)', visibility: 'maximized', width: 375, height: 700, changes: chatting },
  { name: 'narrow-greeting', title: 'Narrow, minimized, left', visibility: 'minimized', width: 375, height: 700, position: 'left', changes: login(true, false, { greeting }) },
  { name: 'inline', title: 'Inline in a page element, closed', visibility: 'minimized', inline: true, changes: login(true, false) },
  { name: 'inline-open', title: 'Inline in a page element, open', visibility: 'maximized', inline: true, changes: [...login(true, true), ...chatWith(short), seen(0)] },
  { name: 'rtl', title: 'Right-to-left page (Hebrew)', visibility: 'maximized', dir: 'rtl', strings: hebrewStrings, changes: hebrew },
  { name: 'files', title: 'Visitor files: uploading, waiting, refused', visibility: 'maximized', changes: [...login(true, true), ...chatWith(short), seen(0), files], uploadProgress: { f1: 0.4 } },
  { name: 'hostile', title: 'Hostile corpus renders inert', visibility: 'maximized', changes: [...login(true, true), ...chatWith(hostileEvents), seen(0)] },
];
