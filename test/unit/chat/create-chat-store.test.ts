import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RtmError } from '../../../src/protocol/rtm-error';
import { AGENT, CHAT_ID, ME } from './fake-server';
import { flush, setup, view } from './store-helpers';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2024, 0, 1, 12) });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createChatStore: starting and sending', () => {
  it('starts a chat with the prechat filled_form and the first message in start_chat', async () => {
    const { fake, store, log } = await setup();
    await store.actions.loadForm('prechat');
    expect(store.canSend.value).toEqual({ canSend: false, reason: 'prechat_required' });

    const fields = [
      { id: 'n', type: 'name' as const, label: 'Name:', answer: 'Jo' },
      { id: 'q', type: 'question' as const, label: 'Your question:', answer: 'Hello' },
    ];
    // The form's question, answered, goes with it as the visitor's first message.
    const started = store.actions.startChat({ formId: 'F1', fields });
    expect(view(store)).toEqual([['filled_form', 'pending'], ['Hello', 'pending']]);
    await started;
    await flush();

    const [request] = fake.calls('start_chat') as { chat: { thread: { events: { custom_id: string }[] } } }[];
    const events = request!.chat.thread.events;
    expect(events).toEqual([
      { type: 'filled_form', form_id: 'F1', fields, custom_id: expect.any(String) },
      { type: 'message', text: 'Hello', recipients: 'all', custom_id: expect.any(String) },
    ]);
    expect(events[0]!.custom_id).not.toBe(events[1]!.custom_id);
    expect(view(store)).toEqual([['filled_form', 'sent'], ['Hello', 'sent']]);
    expect(store.timeline.value.every((i) => !i.key.startsWith('local:'))).toBe(true);
    expect(store.isChatActive.value).toBe(true);
    expect(log.filter(([n]) => n === 'form_submitted')).toEqual([['form_submitted', { type: 'prechat' }]]);
    expect(log.filter(([n]) => n === 'new_event').map(([, e]) => (e as { type: string }).type)).toEqual(['message']);
  });

  it('leaves a message while the group is offline: start_chat asks for a continuous chat', async () => {
    const { fake, store } = await setup({ groupOnline: false });
    expect(store.availability.value).toBe('offline');
    await store.actions.send('Are you open on Sunday?');
    await flush();

    const [request] = fake.calls('start_chat') as { continuous?: boolean }[];
    expect(request).toMatchObject({ continuous: true });
    expect(view(store)).toEqual([['Are you open on Sunday?', 'sent']]);
  });

  it('starts an ordinary chat, not a continuous one, while the group is online', async () => {
    const { fake, store } = await setup();
    await store.actions.send('Hi');
    await flush();
    const [request] = fake.calls('start_chat') as { continuous?: boolean }[];
    expect(request).not.toHaveProperty('continuous');
  });

  it('sends a message optimistically: pending, then sent once the server has it', async () => {
    const { fake, store } = await setup({ prepare: (s) => s.history(1) });
    await store.actions.send('first');
    await flush();
    fake.hold('send_event');
    void store.actions.send('second');
    expect(view(store).at(-1)).toEqual(['second', 'pending']);
    const [pending] = fake.pending('send_event');
    expect(pending!.payload).toEqual({ chat_id: CHAT_ID, event: { type: 'message', text: 'second', recipients: 'all', custom_id: expect.any(String) } });
    pending!.resolve({ event_id: 'E99' });
    await flush();
    expect(view(store).at(-1)).toEqual(['second', 'sent']);
    // The server's copy (by id) replaces the local one.
    const event = { id: 'E99', type: 'message', text: 'second', author_id: ME, order: 99 };
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T2', event });
    expect(store.timeline.value.at(-1)!.key).toBe('E99');
    expect(store.state.value.outbox).toEqual([]);
  });

  it('marks a refused send failed, keeps the text, and retries it', async () => {
    const { fake, store, storage } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.handle('send_event', () => {
      throw new RtmError('validation', 'nope');
    });
    await store.actions.send('keep me');
    await flush();
    expect(view(store).at(-1)).toEqual(['keep me', 'failed']);
    expect(storage.map.get('chatlet_outbox_123')).toContain('keep me');

    const item = store.timeline.value.at(-1)!;
    fake.handle('send_event', ({ event }) => ({ event_id: `ok-${event.custom_id}` }));
    await store.actions.retry(item.customId!);
    await flush();
    expect(view(store).at(-1)).toEqual(['keep me', 'sent']);
    expect(fake.calls('send_event').at(-1)).toMatchObject({ event: { text: 'keep me', custom_id: item.customId } });
    expect(storage.map.has('chatlet_outbox_123')).toBe(false);
  });

  it('reopens a closed chat with activate_chat carrying the message', async () => {
    const { fake, server, store } = await setup({ prepare: (s) => s.history(2) });
    expect(store.isChatActive.value).toBe(false);
    await store.actions.send('back again');
    await flush();
    expect(fake.calls('send_event')).toEqual([]);
    expect(fake.calls('activate_chat')).toEqual([
      { chat: { id: CHAT_ID, thread: { events: [{ type: 'message', text: 'back again', recipients: 'all', custom_id: expect.any(String) }] } } },
    ]);
    expect(store.isChatActive.value).toBe(true);
    expect(view(store).at(-1)).toEqual(['back again', 'sent']);
    server.close();
    expect(store.isChatActive.value).toBe(false);
  });

  it('keeps a message typed while offline and sends it after login', async () => {
    const { fake, server, store } = await setup({ connect: false });
    await store.actions.send('early bird');
    expect(view(store)).toEqual([['early bird', 'pending']]);
    fake.online(server.login());
    await flush();
    expect(fake.calls('start_chat')).toHaveLength(1);
    expect(view(store)).toEqual([['early bird', 'sent']]);
  });
});

describe('createChatStore: sneak peeks', () => {
  it('sends the latest text at most every 300 ms and an empty text after sending', async () => {
    const { fake, store } = await setup();
    await store.actions.send('hi');
    await flush();
    const peeks = () => fake.calls('send_sneak_peek').map((p) => (p as { sneak_peek_text: string }).sneak_peek_text);
    store.actions.type('h');
    store.actions.type('he');
    vi.advanceTimersByTime(299);
    expect(peeks()).toEqual([]);
    store.actions.type('hel');
    vi.advanceTimersByTime(1);
    expect(peeks()).toEqual(['hel']);
    store.actions.type('hello');
    vi.advanceTimersByTime(300);
    expect(peeks()).toEqual(['hel', 'hello']);
    await store.actions.send('hello');
    expect(peeks()).toEqual(['hel', 'hello', '']);
    expect(fake.calls('send_sneak_peek')[0]).toEqual({ chat_id: CHAT_ID, sneak_peek_text: 'hel' });
  });

  it('sends an empty text when the input is cleared, and nothing without an active chat', async () => {
    const { fake, store } = await setup();
    store.actions.type('no chat yet');
    vi.advanceTimersByTime(300);
    expect(fake.calls('send_sneak_peek')).toEqual([]);
    await store.actions.send('hi');
    await flush();
    store.actions.type('abc');
    vi.advanceTimersByTime(300);
    store.actions.type('');
    vi.advanceTimersByTime(300);
    expect(fake.calls('send_sneak_peek').map((p) => (p as { sneak_peek_text: string }).sneak_peek_text)).toEqual(['abc', '']);
  });
});

describe('createChatStore: rating, postbacks, typing', () => {
  it('rates the last thread with bare values and shows the rating', async () => {
    const { fake, store, log } = await setup();
    await store.actions.send('hi');
    await flush();
    await store.actions.rate({ score: 1, comment: 'great' });
    expect(fake.calls('update_chat_thread_properties')).toEqual([
      { chat_id: CHAT_ID, thread_id: 'T1', properties: { rating: { score: 1, comment: 'great' } } },
    ]);
    expect(store.rating.value).toEqual({ score: 1, comment: 'great' });
    expect(log.filter(([n]) => n === 'rating_submitted')).toEqual([['rating_submitted', 'good']]);
  });

  it('reports a failed rating in lastError and leaves the rating unset', async () => {
    const { fake, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.handle('update_chat_thread_properties', () => {
      throw new RtmError('validation', 'bad');
    });
    await store.actions.rate({ score: 0 });
    expect(store.rating.value).toBeNull();
    expect(store.state.value.lastError).toEqual({ action: 'rate', type: 'validation', message: 'bad' });
    store.actions.dismissError();
    expect(store.state.value.lastError).toBeNull();
  });

  it('toggles a postback button at once and undoes it when the server refuses', async () => {
    const { fake, server, store, log } = await setup();
    await store.actions.send('hi');
    await flush();
    const event = server.store({ type: 'rich_message', template_id: 'cards', elements: [{ buttons: [{ text: 'Yes', postback_id: 'yes', user_ids: [] }] }] }, AGENT);
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T1', event });
    const userIds = () => {
      const e = store.timeline.value.find((i) => i.key === event.id)!.event;
      return e.type === 'rich_message' ? e.elements![0]!.buttons![0]!.user_ids : null;
    };
    fake.hold('send_rich_message_postback');
    const item = store.timeline.value.find((i) => i.key === event.id)!;
    const click = store.actions.pressButton(item, { text: 'Yes', postback_id: 'yes', user_ids: [], type: 'url', value: 'https://example.com' });
    await flush();
    expect(userIds()).toEqual([ME]);
    expect(log.filter(([n]) => n === 'rich_message_button_clicked')).toEqual([['rich_message_button_clicked', { eventId: event.id, postbackId: 'yes' }]]);
    fake.pending('send_rich_message_postback')[0]!.reject(new RtmError('validation', 'inactive'));
    await click;
    expect(userIds()).toEqual([]);
  });

  it("posts back a message button and sends its label; a local entry's button only sends", async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    const buttons = [{ text: 'Yes please', postback_id: 'yes', user_ids: [], type: 'message' as const }];
    const event = server.store({ type: 'rich_message', template_id: 'quick_replies', elements: [{ title: 'More?', buttons }] }, AGENT);
    fake.push('incoming_event', { chat_id: CHAT_ID, thread_id: 'T1', event });
    await store.actions.pressButton(store.timeline.value.find((i) => i.key === event.id)!, buttons[0]!);
    await flush();
    expect(fake.calls('send_rich_message_postback')).toEqual([
      { chat_id: CHAT_ID, thread_id: 'T1', event_id: event.id, postback: { id: 'yes', toggled: true } },
    ]);
    expect(view(store).at(-1)).toEqual(['Yes please', 'sent']);
    const local = { ...store.timeline.value.at(-1)!, key: 'local:x', threadId: null };
    await store.actions.pressButton(local, buttons[0]!);
    expect(fake.calls('send_rich_message_postback')).toHaveLength(1);
  });

  it('expires an agent typing indicator after the timeout', async () => {
    const { fake, store } = await setup();
    await store.actions.send('hi');
    await flush();
    fake.push('incoming_typing_indicator', { chat_id: CHAT_ID, thread_id: 'T1', typing_indicator: { author_id: AGENT, is_typing: true } });
    expect(store.typingAgent.value?.id).toBe(AGENT);
    vi.advanceTimersByTime(19_999);
    expect(store.typingAgent.value?.id).toBe(AGENT);
    vi.advanceTimersByTime(1);
    expect(store.typingAgent.value).toBeNull();
  });
});

describe('createChatStore: visibility and draft', () => {
  it('owns the visibility: starts where it was told, and reports each change once', async () => {
    const { store, log } = await setup();
    expect(store.visibility.value).toBe('minimized');
    store.actions.setVisibility('maximized');
    store.actions.setVisibility('maximized');
    store.actions.setVisibility('hidden');
    expect(store.visibility.value).toBe('hidden');
    expect(log.filter(([n]) => n === 'visibility_changed').map(([, p]) => p)).toEqual([{ visibility: 'maximized' }, { visibility: 'hidden' }]);
  });

  it('owns the draft: typing sets it, sending clears it, a messageDraft fills it only while empty', async () => {
    const { store } = await setup();
    store.actions.setVisibility('maximized', 'About my order');
    expect(store.draft.value).toBe('About my order');
    store.actions.type('Hello');
    store.actions.setVisibility('maximized', 'Something else');
    expect(store.draft.value).toBe('Hello');
    await store.actions.send('Hello');
    expect(store.draft.value).toBe('');
  });
});

describe('createChatStore: forms', () => {
  it('shows a form as loading before the connection is up and fetches it after login', async () => {
    const { fake, server, store } = await setup({ connect: false });
    void store.actions.loadForm('prechat');
    expect(store.state.value.forms.prechat).toEqual({ status: 'loading' });
    fake.online(server.login());
    await flush();
    expect(fake.calls('get_form')).toEqual([{ group_id: 0, type: 'prechat' }]);
    expect(store.state.value.forms.prechat).toMatchObject({ status: 'ready', enabled: true, form: { id: 'F1' } });
    await store.actions.loadForm('prechat');
    expect(fake.calls('get_form')).toHaveLength(1);
  });

  it('reports a disabled form, and a refused request as an error', async () => {
    const { fake, store } = await setup();
    await store.actions.loadForm('postchat');
    expect(store.state.value.forms.postchat).toEqual({ status: 'ready', enabled: false, form: null });
    fake.handle('get_form', () => {
      throw new RtmError('group_not_found', 'No such group');
    });
    await store.actions.loadForm('prechat');
    expect(store.state.value.forms.prechat).toEqual({ status: 'error', message: 'No such group' });
  });

  it('sends the postchat form into the closed thread and rates with it', async () => {
    const { fake, server, store, log } = await setup();
    await store.actions.send('hi');
    await flush();
    server.close();
    fake.handle('send_event', ({ event }) => ({ event_id: `E-${event.custom_id}` }));
    const fields = [{ id: 'q', type: 'question' as const, label: 'Why?', answer: 'Because' }];
    await store.actions.submitPostchat({ formId: 'P1', fields, rating: { score: 0 } });
    await flush();
    expect(fake.calls('activate_chat')).toEqual([]);
    expect(fake.calls('send_event')).toEqual([
      { chat_id: CHAT_ID, attach_to_last_thread: true, event: { type: 'filled_form', form_id: 'P1', fields, custom_id: expect.any(String) } },
    ]);
    expect(store.rating.value).toEqual({ score: 0 });
    expect(log.filter(([n]) => n === 'form_submitted' || n === 'rating_submitted').map(([, p]) => p)).toEqual([{ type: 'postchat' }, 'bad']);
  });

  it('sends only the rating when the postchat form asked for nothing else', async () => {
    const { fake, server, store } = await setup();
    await store.actions.send('hi');
    await flush();
    server.close();
    await store.actions.submitPostchat({ formId: 'P1', fields: [], rating: { score: 1 } });
    await flush();
    expect(fake.calls('send_event')).toEqual([]);
    expect(store.rating.value).toEqual({ score: 1 });
  });
});
