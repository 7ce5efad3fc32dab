import { afterEach, describe, expect, it } from 'vitest';
import { fakeStore } from '../../../demo/gallery/fake-store';
import type { OutboxEntry } from '../../../src/chat/state/chat-state';
import { Attachment } from '../../../src/ui/Attachment';
import { laterStrings } from '../../../src/ui/later-strings';
import { StoreContext } from '../../../src/ui/store-context';
import { addLaterStrings } from '../../../src/ui/strings';
import { cleanup, click, mount } from './render';

afterEach(cleanup);
// As parts.ts does before a part first renders: its texts are in the dictionaries.
addLaterStrings(laterStrings);

const entry = (customId: string, name: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  customId,
  event: { type: 'file', url: '', custom_id: customId },
  file: { name, type: 'application/pdf', size: 184_320 },
  status: 'queued',
  createdAt: Date.now(),
  ...extra,
});

/** The row of the one file in the outbox, rendered over a fake store. */
function row(e: OutboxEntry, progress: Record<string, number> = {}) {
  const store = fakeStore({ changes: [{ type: 'send_queued', entries: [e] }], visibility: 'maximized', uploadProgress: progress });
  const item = store.timeline.value[0]!;
  const { root } = mount(
    <StoreContext.Provider value={store}>
      <Attachment item={item} />
    </StoreContext.Provider>,
  );
  const button = (label: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`);
  return { root, store, button };
}

describe('Attachment', () => {
  it('shows a file waiting its turn with its name and size, and Remove takes it back', () => {
    const { root, store, button } = row(entry('f1', 'invoice.pdf'));
    expect(root.querySelector('.fname')!.textContent).toBe('invoice.pdf');
    expect(root.querySelector('small')!.textContent).toBe('180 KB');
    expect(root.textContent).toContain('Waiting to send…');
    expect(root.querySelector('progress')).toBeNull();
    const input = document.createElement('textarea');
    root.append(input);
    click(button('Remove invoice.pdf'));
    expect(store.calls).toContainEqual(['remove', 'f1']);
    expect(store.timeline.value).toEqual([]);
    expect(document.activeElement).toBe(input);
  });

  it('shows an upload as a labelled progress bar with Cancel', () => {
    const { root, store, button } = row(entry('f1', 'invoice.pdf'), { f1: 0.42 });
    const bar = root.querySelector('progress')!;
    expect([bar.max, bar.value, bar.getAttribute('aria-label')]).toEqual([100, 42, 'Uploading invoice.pdf']);
    expect(button('Cancel sending invoice.pdf')!.textContent).toBe('Cancel');
    click(button('Cancel sending invoice.pdf'));
    expect(store.calls).toContainEqual(['remove', 'f1']);
  });

  it('says why a file failed in plain words, with Retry only where trying again can help', () => {
    const big = row(entry('f1', 'movie.mov', { status: 'failed', error: 'file_too_large' }));
    expect(big.root.querySelector('[role=alert]')!.textContent).toContain('This file is larger than 10 MB.');
    expect(big.button('Retry sending movie.mov')).toBeNull();
    expect(big.button('Remove movie.mov')).not.toBeNull();
    cleanup();
    const net = row(entry('f2', 'photo.jpg', { status: 'failed', error: 'network_error' }));
    expect(net.root.querySelector('[role=alert]')!.textContent).toContain('The file could not be uploaded. Check your connection.');
    click(net.button('Retry sending photo.jpg'));
    expect(net.store.calls).toContainEqual(['retry', 'f2']);
    cleanup();
    const missing = row(entry('f3', 'notes.txt', { status: 'failed', error: 'file_missing' }));
    expect(missing.root.textContent).toContain('This file was lost when the page reloaded. Please attach it again.');
    expect(missing.button('Retry sending notes.txt')).toBeNull();
    cleanup();
    const refused = row(entry('f4', 'x.exe', { status: 'failed', error: 'validation' }));
    expect(refused.root.textContent).toContain('This file could not be sent.');
    expect(refused.button('Retry sending x.exe')).not.toBeNull();
  });

  it('shows an uploaded file whose event is on its way as being sent', () => {
    const { root } = row(entry('f1', 'a.pdf', { event: { type: 'file', url: 'https://f/a.pdf', custom_id: 'f1' } }));
    expect(root.textContent).toContain('Sending…');
    expect(root.querySelector('button')).toBeNull();
  });

  it("renders a hostile name as text, in the row and in the buttons' labels", () => {
    const name = '<img src=x onerror=alert(1)>.pdf';
    const { root, button } = row(entry('f1', name));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.fname')!.textContent).toBe(name);
    expect(button(`Remove ${name}`)).not.toBeNull();
  });
});
