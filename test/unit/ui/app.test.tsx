// happy-dom must not fetch anything (iframes, scripts): tests never reach the network.
// @vitest-environment-options {"settings":{"disableIframePageLoading":true,"disableJavaScriptFileLoading":true,"disableCSSFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { fakeStore } from '../../../demo/gallery/fake-store';
import { quickReplies } from '../../../demo/gallery/fixtures';
import { scenes } from '../../../demo/gallery/scenes';
import { pl } from '../../../src/locales/pl';
import { App } from '../../../src/ui/App';
import type { Visibility } from '../../../src/chat/visibility';
import { all, cleanup, click, inertProblems, key, mount, type } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

afterEach(cleanup);

const scene = (name: string) => scenes.find((s) => s.name === name)!;

function show(name: string, visibility?: Visibility, strings?: Record<string, string>) {
  const s = scene(name);
  const store = fakeStore({ ...s, visibility: visibility ?? s.visibility });
  const r = mount(<App store={store} strings={strings} />);
  const q = <T extends Element = HTMLElement>(sel: string) => r.root.querySelector<T & Element>(sel) as T | null;
  const changes = () => store.calls.filter(([n]) => n === 'setVisibility').map(([, v]) => v);
  return { ...r, store, changes, q };
}

describe('App', () => {
  it('renders every gallery scene without inline styles, scripts or unsafe URLs', () => {
    for (const s of scenes) {
      const { root } = show(s.name);
      expect(inertProblems(root), s.name).toEqual([]);
    }
  });

  it('opens from the launcher, moves focus into the input, and Esc returns it to the launcher', () => {
    const { q, changes, store } = show('typing', 'minimized');
    const launcher = q<HTMLButtonElement>('button.launch')!;
    expect(q('.panel')).toBeNull();
    launcher.focus();
    click(launcher);
    expect(store.visibility.value).toBe('maximized');
    expect(changes()).toEqual(['maximized']);
    const panel = q('.panel')!;
    expect(panel.hidden).toBe(false);
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).toBe(q('textarea'));

    const tab = key(q('textarea'), 'Tab');
    expect(tab.defaultPrevented).toBe(false);
    key(q('textarea'), 'Escape');
    expect(store.visibility.value).toBe('minimized');
    expect(changes()).toEqual(['maximized', 'minimized']);
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(launcher);
  });

  it('labels the launcher with the unread count', () => {
    const { q } = show('unread');
    expect(q('button.launch')?.getAttribute('aria-label')).toBe('Open chat, 2 unread');
    expect(q('.badge')?.textContent).toBe('2');
  });

  it('speaks the locale it is given, in the plural forms of its language', () => {
    const polish = { openUnread: 'Otwórz czat, {count, plural, one {# wiadomość} few {# wiadomości} other {# wiadomości!}}' };
    const store = fakeStore({ ...scene('unread') });
    const { root } = mount(<App store={store} strings={{ ...pl, ...polish }} locale="pl" />);
    expect(root.querySelector('button.launch')?.getAttribute('aria-label')).toBe('Otwórz czat, 2 wiadomości');
    expect(root.querySelector('.lbl')?.textContent).toBe(pl.title);
  });

  it('shows the greeting while minimized; reply opens, dismiss or Esc hides it and focus goes to the launcher', () => {
    const first = show('greeting');
    expect(first.q('.greet')?.textContent).toContain('Looking for the right plan?');
    click(first.q('.greet button.btn'));
    expect(first.store.visibility.value).toBe('maximized');
    expect(first.q('.greet')).toBeNull();
    const second = show('greeting');
    click(second.q('.greet button[aria-label=Dismiss]'));
    expect(second.q('.greet')).toBeNull();
    expect(document.activeElement).toBe(second.q('button.launch'));
    cleanup();
    // From the keyboard: Esc on the greeting's reply button dismisses it, and focus goes to the launcher.
    const third = show('greeting');
    third.q<HTMLButtonElement>('.greet button.btn')!.focus();
    key(third.q('.greet button.btn'), 'Escape');
    expect(third.q('.greet')).toBeNull();
    expect(third.store.visibility.value).toBe('minimized');
    expect(document.activeElement).toBe(third.q('button.launch'));
  });

  it('asks for the prechat form before the first message and starts the chat with it', () => {
    const { q, store } = show('prechat');
    expect(q('textarea[aria-label="Write a message…"]')).toBeNull();
    type(q('input[autocomplete=name]'), 'Jo');
    type(q('input[autocomplete=email]'), 'jo@example.com');
    click(q('input[name=r][value=n]'));
    click(q('input[type=checkbox][value=w]'));
    click(q('.survey button[type=submit]'));
    const [name, input] = store.calls.find(([n]) => n === 'startChat')!;
    expect(name).toBe('startChat');
    expect(input).toMatchObject({ formId: 'prechat-all' });
  });

  it('moves focus to the message input once the sent prechat form goes away', () => {
    const { q, store } = show('prechat');
    const submit = q<HTMLButtonElement>('.survey button[type=submit]')!;
    submit.focus();
    expect(document.activeElement).toBe(submit);
    // What the real store does on startChat: the queued form means the prechat is answered.
    const form = { type: 'filled_form' as const, form_id: 'prechat-all', fields: [], custom_id: 'c1' };
    act(() => store.dispatch({ type: 'send_queued', entries: [{ customId: 'c1', event: form, status: 'queued', createdAt: 0 }] }));
    expect(q('.survey')).toBeNull();
    expect(document.activeElement).toBe(q('textarea'));
  });

  it('starts the chat with the whole prechat form, question included', () => {
    const { q, store } = show('prechat');
    type(q('input[autocomplete=name]'), 'Jo');
    type(q('input[autocomplete=email]'), 'jo@example.com');
    const question = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Order number')!;
    type(q(`#${CSS.escape(question.htmlFor)}`), ' #4521 ');
    click(q('input[name=r][value=n]'));
    click(q('input[type=checkbox][value=w]'));
    click(q('.survey button[type=submit]'));
    const [, input] = store.calls.find(([n]) => n === 'startChat')!;
    expect((input as { fields: { answer?: unknown }[] }).fields).toContainEqual(expect.objectContaining({ type: 'question', answer: '#4521' }));
  });

  it('loads the prechat form on open, sends messages and reports typing', () => {
    const welcome = show('welcome');
    expect(welcome.store.calls).toContainEqual(['loadForm', 'prechat']);
    type(welcome.q('textarea'), 'Hello');
    key(welcome.q('textarea'), 'Enter');
    expect(welcome.store.calls).toContainEqual(['send', 'Hello']);
    const typing = show('typing');
    type(typing.q('textarea'), 'Thanks');
    key(typing.q('textarea'), 'Enter');
    expect(typing.store.calls).toContainEqual(['send', 'Thanks']);
    expect(typing.store.calls).toContainEqual(['type', 'Thanks']);
  });

  it('says when the group is offline and still lets the visitor leave a message', () => {
    const { q } = show('offline');
    expect(q('.away')?.textContent).toContain('We are away right now');
    expect(q<HTMLTextAreaElement>('textarea')?.disabled).toBe(false);
  });

  it('explains a stop for good and disables the input with a reason', () => {
    const { q } = show('stopped');
    expect(q('[role=alert]')?.textContent).toContain('You cannot chat with us from this device.');
    const ta = q<HTMLTextAreaElement>('textarea')!;
    expect(ta.disabled).toBe(true);
    expect(q(`[id="${ta.getAttribute('aria-describedby')}"]`)?.textContent).toBe('Chat is unavailable.');
  });

  it('reports a failed action until dismissed', () => {
    const { q, store } = show('typing');
    act(() => store.dispatch({ type: 'action_failed', error: { action: 'rate', type: 'internal', message: 'boom' } }));
    expect(q('[role=alert]')?.textContent).toBe('Something went wrong. Please try again.');
    click(q('[role=alert] button'));
    expect(store.calls).toContainEqual(['dismissError', undefined]);
  });

  it('shows reconnecting and the typing agent', () => {
    expect(show('reconnecting').q('.ban[role=status]')?.textContent).toContain('Reconnecting');
    expect(show('typing').q('.typing [role=status]')?.textContent).toBe('Bart Simmons is typing');
  });

  it('posts back rich-message buttons and opens webviews in a sandbox', () => {
    const { q, store } = show('chatting');
    const card = all(document, '.card').find((c) => c.textContent?.includes('Pro plan'))!;
    click([...card.querySelectorAll('button')].find((b) => b.textContent === 'Book a demo'));
    expect(store.calls).toContainEqual(['pressButton', { eventId: 'rm-card', threadId: 'T1', postbackId: 'demo' }]);
    const frame = q<HTMLIFrameElement>('.wv iframe')!;
    expect(frame.getAttribute('src')).toBe('https://example.com/book');
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-popups');
    expect(q('.wv')?.className).toBe('wv tall');
    key(frame, 'Escape');
    expect(q('.wv')).toBeNull();
    expect(store.visibility.value).toBe('maximized');
  });

  it('sends a quick reply as a message and shows it picked, while the question is the newest event', () => {
    // The chatting scene's quick replies were answered long ago: here a new question is the newest event.
    const { store } = show('typing');
    const asked = { ...quickReplies, id: 'rm-quick-2', created_at: new Date().toISOString() };
    act(() => store.dispatch({ type: 'events_added', chatId: 'C1', threadId: 'T1', events: [asked], live: true }));
    const pills = () => all(document, '.qr').at(-1)!.querySelectorAll('.pills button');
    click([...pills()].find((b) => b.textContent === 'Not really'));
    expect(store.calls).toContainEqual(['send', 'Not really']);
    const pressed = [...pills()].find((b) => b.textContent === 'Not really');
    expect(pressed?.getAttribute('aria-pressed')).toBe('true');
  });

  it('retries a failed message', () => {
    const { q, store } = show('chatting');
    click(q('.st.fail button'));
    expect(store.calls).toContainEqual(['retry', 'l1']);
    expect(q('.st.fail')).toBeNull();
  });

  it('offers the rating and the postchat form after the chat ended', () => {
    const { q, store } = show('rating');
    click(q('input[value=good]'));
    click(q('.rate ~ button[type=submit]') ?? all(document, 'button[type=submit]').find((b) => b.textContent === 'Send rating'));
    expect(store.calls).toContainEqual(['rate', { score: 1 }]);
    expect(q('.note')?.textContent).toBe('Thank you for your feedback!');
    type(q('.card .survey textarea'), 'All good');
    click(q('.card .survey button[type=submit]'));
    expect(store.calls.find(([n]) => n === 'submitPostchat')?.[1]).toEqual({
      formId: 'postchat-1',
      fields: [{ id: 'c', type: 'textarea', label: 'Anything we could do better?', answer: 'All good' }],
    });
    expect(q('.card .survey')).toBeNull();
  });

  it('asks for the rating once when the postchat form has its own rating field', () => {
    const { root, q } = show('rating-form');
    expect(all(root, 'input[value=good]')).toHaveLength(1);
    expect(q('.card .survey input[value=good]')).not.toBeNull();
  });

  it('uses overridden strings', () => {
    const { q } = show('welcome', 'maximized', { placeholder: 'Type here', minimize: 'Hide' });
    expect(q('textarea')?.getAttribute('placeholder')).toBe('Type here');
    expect(q('.hd button')?.getAttribute('aria-label')).toBe('Hide');
  });

  it('offers to mute sounds in the header menu when the widget plays them, and remembers it in the store', () => {
    const store = fakeStore({ ...scene('chatting'), visibility: 'maximized' });
    const { root } = mount(<App store={store} sound />);
    click(root.querySelector('.hd button[aria-label="Chat options"]'));
    click(root.querySelector('[role=menuitemcheckbox]'));
    expect(store.calls.filter(([n]) => n === 'setMuted')).toEqual([['setMuted', true]]);
    expect(store.muted.value).toBe(true);
    const { q } = show('chatting', 'maximized');
    expect(q('button[aria-label="Chat options"]')).toBeNull();
  });

  it('follows visibility set from outside, including hidden, and pre-fills a draft', () => {
    const { q, store } = show('typing', 'minimized');
    act(() => store.actions.setVisibility('maximized', 'About my order'));
    expect(q<HTMLTextAreaElement>('textarea')?.value).toBe('About my order');
    act(() => store.actions.setVisibility('hidden'));
    expect(q('.root')?.hidden).toBe(true);
  });

  it('labels every control', () => {
    for (const name of ['chatting', 'prechat', 'rating', 'greeting']) {
      const { root } = show(name, name === 'greeting' ? 'minimized' : 'maximized');
      for (const el of all(root, 'button, a[href], textarea, input, select')) {
        const labelled =
          el.getAttribute('aria-label') ||
          el.textContent?.trim() ||
          el.closest('label')?.textContent?.trim() ||
          (el.id && root.querySelector(`label[for="${el.id}"]`)) ||
          el.querySelector('img[alt]:not([alt=""])');
        expect(labelled, `${name}: ${el.outerHTML.slice(0, 120)}`).toBeTruthy();
      }
    }
  });
});
