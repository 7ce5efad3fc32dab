// What the UI calls. Each action is fire-and-forget safe: it never rejects, failures land in state.
import type { FilledFormField, FormType, RichMessageEvent } from '../protocol/types';
import type { LocalSend, OutgoingEvent } from './chat-state';
import { errorInfo, isConnectionError } from './error-info';
import { loadOlder } from './load-older';
import { selectCurrentChat } from './selectors';
import type { SneakPeekThrottle } from './sneak-peek-throttle';
import type { StoreContext } from './store-context';
import { wrapProperties } from './wrap-properties';

/**
 * A filled prechat/postchat form as the UI's SurveyForm produces it.
 *
 * @example
 * const answers: FilledFormInput = { formId: 'prechat-0', fields: [{ id: 'name', type: 'name', label: 'Name:', answer: 'Jo' }] };
 */
export interface FilledFormInput {
  formId: string;
  fields: FilledFormField[];
}

/**
 * A rating: `1` good, `0` bad.
 *
 * @example
 * const rating: RatingInput = { score: 1, comment: 'Quick and helpful' };
 */
export interface RatingInput {
  score: 0 | 1;
  comment?: string;
}

/**
 * Store internals the actions need beyond the shared context.
 *
 * @example
 * const actions = createActions(ctx, { pump, peek, nextCustomId, markSeen, setVisible, wantedForms: new Set() });
 */
export interface ActionDeps {
  pump(): Promise<void>;
  peek: SneakPeekThrottle;
  nextCustomId(): string;
  markSeen(): void;
  setVisible(visible: boolean): void;
  /** Forms asked for before the store was synced; loaded after the next resync. */
  wantedForms: Set<FormType>;
}

/**
 * Builds the actions object of the chat store (see create-chat-store.ts for the list).
 *
 * @example
 * const actions = createActions(ctx, deps);
 * await actions.sendMessage('Hello');
 */
export function createActions(ctx: StoreContext, deps: ActionDeps) {
  const { client } = ctx;
  const formsInFlight = new Map<FormType, Promise<void>>();
  const current = () => selectCurrentChat(ctx.getState());
  const queue = (event: OutgoingEvent, attachToLastThread = false): LocalSend => {
    const customId = deps.nextCustomId();
    return {
      customId,
      event: { ...event, custom_id: customId },
      status: 'queued',
      createdAt: ctx.clock.now(),
      ...(attachToLastThread ? { attachToLastThread } : {}),
    };
  };
  const enqueue = (...sends: LocalSend[]) => {
    ctx.dispatch(...sends.map((send) => ({ type: 'send_queued' as const, send })));
    deps.peek.clear();
    return deps.pump();
  };
  const attempt = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      ctx.fail(name, error);
    }
  };

  const actions = {
    connect: () => attempt('connect', async () => void (await client.connect())),
    startChat({ filledForm, text }: { filledForm?: FilledFormInput; text?: string } = {}): Promise<void> {
      const sends: LocalSend[] = [];
      if (filledForm) sends.push(queue({ type: 'filled_form', form_id: filledForm.formId, fields: filledForm.fields }));
      if (text?.trim()) sends.push(queue({ type: 'message', text, recipients: 'all' }));
      if (filledForm) ctx.emit('form_submitted', { type: 'prechat' });
      if (sends.length > 0) return enqueue(...sends);
      // Nothing to keep: start an empty chat right away, if there is none yet.
      if (current() || !ctx.isSynced()) return Promise.resolve();
      return attempt('start_chat', async () => {
        const r = await client.request('start_chat', {});
        if ('chat' in r) ctx.applyPush({ type: 'push', name: 'incoming_chat_thread', payload: { chat: r.chat } });
        else ctx.dispatch({ type: 'chat_started', chatId: r.chat_id, threadId: r.thread_id });
      });
    },
    sendMessage(text: string): Promise<void> {
      return text.trim() ? enqueue(queue({ type: 'message', text, recipients: 'all' })) : Promise.resolve();
    },
    retry(customId: string): Promise<void> {
      ctx.dispatch({ type: 'send_retried', customId });
      return deps.pump();
    },
    sendPostback({ eventId, threadId, postbackId, toggled }: { eventId: string; threadId: string; postbackId: string; toggled: boolean }) {
      const chat = current();
      const me = ctx.getState().customerId;
      if (!chat || me === null) return Promise.resolve();
      ctx.emit('rich_message_button_clicked', { eventId, postbackId });
      const event = chat.threads[threadId]?.events.find((e): e is RichMessageEvent => e.id === eventId && e.type === 'rich_message');
      const wasOn = !!event?.elements?.some((el) => el.buttons?.some((b) => b.postback_id === postbackId && b.user_ids?.includes(me)));
      const apply = (on: boolean) =>
        ctx.applyPush({
          type: 'push',
          name: 'incoming_rich_message_postback',
          payload: { user_id: me, chat_id: chat.id, thread_id: threadId, event_id: eventId, postback: { id: postbackId, toggled: on } },
        });
      apply(toggled);
      return attempt('send_postback', async () => {
        try {
          await client.request('send_rich_message_postback', {
            chat_id: chat.id,
            thread_id: threadId,
            event_id: eventId,
            postback: { id: postbackId, toggled },
          });
        } catch (error) {
          apply(wasOn);
          throw error;
        }
      });
    },
    typing(text: string): void {
      deps.peek.update(text);
    },
    rate({ score, comment }: RatingInput): Promise<void> {
      return attempt('rate', async () => {
        const chat = current();
        if (!chat?.lastThreadId) throw new Error('There is no chat to rate');
        const rating = comment === undefined ? { score } : { score, comment };
        const target = { chat_id: chat.id, thread_id: chat.lastThreadId };
        await client.request('update_chat_thread_properties', { ...target, properties: { rating } });
        ctx.applyPush({ type: 'push', name: 'chat_thread_properties_updated', payload: { ...target, properties: wrapProperties({ rating }) } });
        ctx.emit('rating_submitted', score === 1 ? 'good' : 'bad');
      });
    },
    closeChat(): Promise<void> {
      return attempt('close_chat', async () => {
        const chat = current();
        if (!chat?.active || !chat.lastThreadId) return;
        await client.request('close_thread', { chat_id: chat.id });
        ctx.applyPush({ type: 'push', name: 'thread_closed', payload: { chat_id: chat.id, thread_id: chat.lastThreadId } });
      });
    },
    loadOlder: () => loadOlder(ctx),
    markSeen(): void {
      deps.markSeen();
    },
    loadForm(type: FormType): Promise<void> {
      if (ctx.getState().forms[type]?.status === 'ready') return Promise.resolve();
      const running = formsInFlight.get(type);
      if (running) return running;
      if (ctx.getState().forms[type]?.status !== 'loading') ctx.dispatch({ type: 'form_requested', formType: type });
      if (!ctx.isSynced()) {
        deps.wantedForms.add(type);
        return Promise.resolve();
      }
      const loading = client
        .request('get_form', { group_id: ctx.groupId, type })
        .then(
          (r) => ctx.dispatch({ type: 'form_loaded', formType: type, enabled: r.enabled === true && !!r.form, form: r.form ?? null }),
          (error: unknown) => {
            // Still loading as far as the visitor is concerned: the next login asks again.
            if (isConnectionError(error)) deps.wantedForms.add(type);
            else ctx.dispatch({ type: 'form_failed', formType: type, message: errorInfo('load_form', error).message });
          },
        )
        .finally(() => formsInFlight.delete(type));
      formsInFlight.set(type, loading);
      return loading;
    },
    submitPostchat({ formId, fields, rating }: FilledFormInput & { rating?: RatingInput }): Promise<void> {
      ctx.emit('form_submitted', { type: 'postchat' });
      // A form that only asked for the rating has no answers to send: an empty filled_form
      // would show as a blank "form sent" bubble.
      const sent = fields.length > 0 ? enqueue(queue({ type: 'filled_form', form_id: formId, fields }, true)) : Promise.resolve();
      return rating ? Promise.all([sent, actions.rate(rating)]).then(() => undefined) : sent;
    },
    setPanelVisible(visible: boolean): void {
      deps.setVisible(visible);
    },
    dismissError(): void {
      ctx.dispatch({ type: 'error_dismissed' });
    },
  };
  return actions;
}

/**
 * The actions object of the chat store.
 *
 * @example
 * const send = (actions: ChatActions, text: string) => actions.sendMessage(text);
 */
export type ChatActions = ReturnType<typeof createActions>;
