import type { Signal } from '@preact/signals-core';
import type { FilledFormField, FormType, RichMessageButton } from '../protocol/types';
import { errorInfo } from './error-info';
import type { Outbox } from './outbox';
import { selectCurrentChat } from './state/selectors';
import type { TimelineItem } from './state/timeline';
import type { StoreInternals } from './store-internals';
import type { Visibility } from './visibility';
import type { Drafts } from './drafts';
import type { mutedSetting } from './muted-setting';

/** A filled prechat or postchat form, as the UI's form produces it. */
export interface FilledFormInput {
  formId: string;
  fields: FilledFormField[];
}

/** A rating: `1` good, `0` bad. */
export interface RatingInput {
  score: 0 | 1;
  comment?: string;
}

/** What the actions drive besides the store's internals. */
export interface ActionParts {
  outbox: Outbox;
  /** Delivers what the outbox holds (chat/sender.ts, once loaded). */
  sender: { run(): Promise<void> };
  /** Sneak peeks of what the visitor types (chat/sneak-peek-throttle.ts, once loaded). */
  peek: { update(text: string): void; clear(): void };
  visibility: Signal<Visibility>;
  draft: Signal<string>;
  drafts: Drafts;
  sound: ReturnType<typeof mutedSetting>;
  pageVisible: Signal<boolean>;
  /** The bytes of the files attached on this page, by custom_id (chat/attachments.ts reads them). */
  blobs: Map<string, Blob>;
  maxFileSize: number;
}

// The prechat form's `question` is what the visitor came to ask, so it also opens the chat as the
// first message, in the same start_chat as the form (protocol-notes §4: events [filledForm, firstMessage]).
const question = (fields: FilledFormField[]) => {
  const field = fields.find((f) => f.type === 'question');
  return field && 'answer' in field && typeof field.answer === 'string' ? field.answer : '';
};

/**
 * What the UI and the embed layer call: every change the visitor makes goes through one of these.
 * None rejects: a failure lands in the state (a failed entry, `lastError`).
 */
export function createActions(s: StoreInternals, { outbox, sender, peek, visibility, draft, drafts, sound, pageVisible, blobs, maxFileSize }: ActionParts) {
  const forms = new Map<FormType, Promise<void>>();
  const current = () => selectCurrentChat(s.getState());
  const attempt = async (name: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      s.fail(name, error);
    }
  };
  // What only the later parts call (rich messages' buttons, the rating) loads when first called; a
  // chunk that could not load is a failure like any other, so these two do not reject either.
  const later = () => import('./later-actions').then((m) => m.laterActions(s, send, attempt));
  const send = (text: string): Promise<void> => {
    if (!text.trim()) return Promise.resolve();
    outbox.add({ type: 'message', text, recipients: 'all' });
    drafts.set('');
    peek.clear();
    return sender.run();
  };

  const actions = {
    connect: () => attempt('connect', async () => void (await s.client.connect())),
    /** Starts the chat with the prechat form; its question, answered, goes with it as the first message. */
    startChat({ formId, fields }: FilledFormInput): Promise<void> {
      s.emit('form_submitted', { type: 'prechat' });
      outbox.add({ type: 'filled_form', form_id: formId, fields });
      const text = question(fields);
      return text.trim() ? send(text) : sender.run();
    },
    send,
    /**
     * Queues files to send, in order, each behind what was sent before it and before what is sent
     * after. An empty one or one over `maxFileSize` is added as failed, to be removed.
     */
    attach(files: readonly File[]): Promise<void> {
      for (const file of files) {
        const meta = { name: file.name, type: file.type, size: file.size };
        const error = !file.size ? 'file_empty' : file.size > maxFileSize ? 'file_too_large' : undefined;
        // Its bytes first: the visitor's other tabs get them with the entry (chat/shared-files.ts).
        const id = outbox.newId();
        if (!error) blobs.set(id, file);
        outbox.add({ type: 'file', url: '', recipients: 'all' }, error ? { file: meta, status: 'failed', error } : { file: meta }, id);
        if (error) continue;
        void s.attachments().then((a) => a.keep(id), () => undefined);
      }
      return sender.run();
    },
    /** Takes back a file not yet sent (its upload, if under way, stops), or any failed send. */
    remove(customId: string): void {
      s.dispatch({ type: 'send_removed', customId });
    },
    retry(customId: string): Promise<void> {
      s.dispatch({ type: 'send_retried', customId });
      return sender.run();
    },
    /** The visitor typed: the draft follows, and agents see a sneak peek. */
    type(text: string): void {
      drafts.set(text);
      peek.update(text);
    },
    /** A rich-message button (chat/later-actions.ts, which loads with the parts or on the first press). */
    pressButton: (item: TimelineItem, button: RichMessageButton): Promise<void> => attempt('send_postback', () => later().then((l) => l.pressButton(item, button))),
    /** Rates the chat (chat/later-actions.ts). */
    rate: (rating: RatingInput): Promise<void> => attempt('rate', () => later().then((l) => l.rate(rating))),
    submitPostchat({ formId, fields, rating }: FilledFormInput & { rating?: RatingInput }): Promise<void> {
      s.emit('form_submitted', { type: 'postchat' });
      // A form that only asked for the rating has no answers: an empty filled_form would show as a blank bubble.
      if (fields.length > 0) outbox.add({ type: 'filled_form', form_id: formId, fields }, { attachToLastThread: true });
      return Promise.all([sender.run(), rating && actions.rate(rating)]).then(() => undefined);
    },
    /** Older history: its code loads on the first scroll to the top (or with the UI's parts, on idle). */
    loadOlder: () => import('./load-older').then((m) => m.loadOlder(s)),
    /** Asks for a form once; it shows as loading until the channel is open and the server answered. */
    loadForm(type: FormType): Promise<void> {
      const form = s.getState().forms[type];
      if (form?.status === 'ready') return Promise.resolve();
      const running = forms.get(type);
      if (running) return running;
      if (form?.status !== 'loading') s.dispatch({ type: 'form_requested', formType: type });
      const request = { group_id: s.groupId, type };
      const loading = s.channel
        .request('get_form', request)
        .then(
          (reply) => s.dispatchReply('get_form', request, reply),
          (error: unknown) => s.dispatch({ type: 'form_failed', formType: type, message: errorInfo('load_form', error).message }),
        )
        .finally(() => forms.delete(type));
      forms.set(type, loading);
      return loading;
    },
    /** Opens, minimizes or hides the chat; a `messageDraft` pre-fills the input unless the visitor typed something. */
    setVisibility(next: Visibility, messageDraft?: string): void {
      visibility.value = next;
      if (messageDraft && !draft.peek()) draft.value = messageDraft;
    },
    /** The visitor dismissed the greeting: it goes, and stays away while the chat runs on this page. */
    dismissGreeting(): void {
      const greeting = s.getState().greeting;
      if (greeting) s.dispatch({ type: 'greeting_dismissed', uniqueId: greeting.unique_id });
    },
    dismissError(): void {
      s.dispatch({ type: 'error_dismissed' });
    },
    /** Mutes or unmutes the widget's sounds, in every tab and on the next pages. */
    setMuted: (muted: boolean) => sound.set(muted),
    /** The page came into view or went out of it: what arrives in an open chat is read only in view. */
    setPageVisible(visible: boolean): void {
      pageVisible.value = visible;
    },
  };
  return actions;
}

/** The object {@link createActions} returns. */
export type Actions = ReturnType<typeof createActions>;
