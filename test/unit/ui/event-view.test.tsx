import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  carousel,
  CUSTOMER_ID,
  hostileEvents,
  imageFile,
  pdfFile,
  quickReplies,
  releasedFilledForm,
  seedEvents,
  seedFile,
  seedFilledForm,
  seedRichMessage,
  singleCard,
  sticker,
} from '../../../demo/gallery/fixtures';
import type { ChatEvent } from '../../../src/protocol/types';
import { EventView } from '../../../src/ui/EventView';
import { Safe } from '../../../src/ui/Safe';
import { act } from 'preact/test-utils';
import { all, cleanup, click, inertProblems, mount } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

afterEach(cleanup);

const show = (event: ChatEvent, onPress = vi.fn()) =>
  mount(
    <Safe>
      <EventView event={event} customerId={CUSTOMER_ID} onPress={onPress} />
    </Safe>,
  );

describe('EventView', () => {
  it('renders every seed event type without the unknown notice, except custom', () => {
    for (const e of seedEvents) {
      const { root } = show(e);
      expect(root.firstElementChild, e.type).not.toBeNull();
      expect(root.textContent?.includes('cannot be shown'), e.type).toBe(e.type === 'custom');
    }
  });

  it('renders message text with http(s) links and keeps the rest as text', () => {
    const { root } = show({ id: 'm', type: 'message', text: 'see https://example.com/a?b=1, or www.example.org. <b>x</b>' });
    const links = all(root, 'a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/a?b=1', 'https://www.example.org/']);
    expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer' && a.getAttribute('target') === '_blank')).toBe(true);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('see https://example.com/a?b=1, or www.example.org. <b>x</b>');
  });

  it('shows an image file as a thumbnail link with a 2x source', () => {
    const { root } = show(seedFile);
    const img = root.querySelector('a.img img');
    expect(img?.getAttribute('src')).toBe('https://domain.com/thumbnail.png');
    expect(img?.getAttribute('srcset')).toContain('https://domain.com/thumbnail2x.png 2x');
    expect(img?.getAttribute('alt')).toBe('Image image25.png');
    expect(root.querySelector('a.img')?.getAttribute('href')).toBe('https://domain.com/asdsfdsf.png');
    expect(show(imageFile).root.querySelector('a.img img')).not.toBeNull();
  });

  it('shows other files as a labelled download link with the size', () => {
    const { root } = show(pdfFile);
    const a = root.querySelector('a.file');
    expect(a?.getAttribute('href')).toBe(pdfFile.url);
    expect(a?.getAttribute('aria-label')).toBe('Download invoice-2024-05.pdf');
    expect(a?.textContent).toContain('278 KB');
  });

  it('summarises filled forms in both the seed and the released shape', () => {
    const seed = show(seedFilledForm).root;
    expect(all(seed, 'dt').map((d) => d.textContent)).toEqual(['Your name', 'Your email', 'Chat purpose', 'Company industry', 'Country']);
    expect(all(seed, 'dd').map((d) => d.textContent)).toEqual(['Jan Kowalski', 'jan.kowalski@gmail.com', 'support', 'automotive, it', 'pl']);
    const released = show(releasedFilledForm).root;
    expect(all(released, 'dd').map((d) => d.textContent)).toEqual(['Jan Kowalski', 'jan@example.com', 'Billing', 'Widget, API', 'Sales']);
  });

  it('renders the seed cards sample as a carousel of two cards', () => {
    const { root } = show(seedRichMessage);
    expect(root.querySelector('[aria-roledescription="carousel"]')).not.toBeNull();
    expect(all(root, '.card strong').map((s) => s.textContent)).toEqual(['Lorem ipsum dolor.', 'Lorem ipsum dolor 2.']);
    expect(all(root, '.card button').map((b) => b.textContent)).toEqual(['yes', 'no']);
  });

  it('renders one card with every button type and the visitor toggled state', () => {
    const onPress = vi.fn();
    const { root } = show(singleCard, onPress);
    expect(root.querySelector('[aria-roledescription="carousel"]')).toBeNull();
    const [choose, pricing, call, demo] = all(root, '.btns > *');
    expect(choose?.tagName).toBe('BUTTON');
    expect(choose?.getAttribute('aria-pressed')).toBe('true');
    expect(pricing?.getAttribute('href')).toBe('https://example.com/pricing');
    expect(pricing?.getAttribute('target')).toBe('_blank');
    expect(pricing?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(call?.getAttribute('href')).toBe('tel:+15550102030');
    expect(demo?.tagName).toBe('BUTTON');
    click(demo);
    click(choose);
    expect(onPress.mock.calls.map((c) => c[0].postback_id)).toEqual(['demo', 'pro']);
  });

  it('renders quick replies as pills and disables the others once one is chosen', () => {
    const first = show(quickReplies).root;
    expect(all(first, '.pills button').map((b) => (b as HTMLButtonElement).disabled)).toEqual([false, false, false]);
    const chosen = structuredClone(quickReplies);
    chosen.elements![0]!.buttons![1]!.user_ids = [CUSTOMER_ID];
    const after = show(chosen).root;
    const pills = all(after, '.pills button') as HTMLButtonElement[];
    expect(pills.map((b) => b.disabled)).toEqual([true, false, true]);
    expect(pills[1]?.getAttribute('aria-pressed')).toBe('true');
  });

  it('takes unpicked quick replies away once the conversation moved on, and keeps a pick', () => {
    const staleView = (event: ChatEvent) =>
      mount(
        <Safe>
          <EventView event={event} customerId={CUSTOMER_ID} onPress={vi.fn()} stale />
        </Safe>,
      ).root;
    const unpicked = staleView(quickReplies);
    expect(all(unpicked, '.pills button')).toHaveLength(0);
    expect(unpicked.querySelector('.qr .bub')?.textContent).toBe(quickReplies.elements![0]!.title);
    const chosen = structuredClone(quickReplies);
    chosen.elements![0]!.buttons![1]!.user_ids = [CUSTOMER_ID];
    const picked = all(staleView(chosen), '.pills button') as HTMLButtonElement[];
    expect(picked.map((b) => b.disabled)).toEqual([true, false, true]);
  });

  it('renders a sticker as a bare image and a carousel with navigation', () => {
    expect(show(sticker).root.querySelector('img.stk')?.getAttribute('alt')).toBe('Waving hand');
    const car = show(carousel).root;
    expect(all(car, '.card')).toHaveLength(3);
    expect(all(car, '.nav').map((b) => b.getAttribute('aria-label'))).toEqual(['Previous', 'Next']);
  });

  /** A carousel whose row is 300 px wide over 800 px of cards, scrolled by hand (happy-dom has no layout). */
  const scrolledCarousel = (direction: 'ltr' | 'rtl') => {
    const { root } = show(carousel);
    const row = root.querySelector<HTMLElement>('.car ul')!;
    row.style.direction = direction;
    const prev = root.querySelector<HTMLButtonElement>('.nav.prev')!;
    const next = root.querySelector<HTMLButtonElement>('.nav.next')!;
    const scrollBy = vi.fn();
    Object.defineProperties(row, {
      clientWidth: { value: 300, configurable: true },
      scrollWidth: { value: 800, configurable: true },
      scrollLeft: { value: 0, writable: true, configurable: true },
      scrollBy: { value: scrollBy, configurable: true },
    });
    const scrollTo = async (left: number) => {
      row.scrollLeft = left;
      await act(() => void row.dispatchEvent(new Event('scroll')));
    };
    const state = () => [prev.getAttribute('aria-disabled'), next.getAttribute('aria-disabled')];
    return { next, scrollBy, scrollTo, state };
  };

  it("marks the carousel's buttons that have nowhere to go, following the row's scroll", async () => {
    const { next, scrollBy, scrollTo, state } = scrolledCarousel('ltr');
    await scrollTo(0);
    expect(state()).toEqual(['true', 'false']);
    click(next);
    expect(scrollBy).toHaveBeenCalledWith({ left: 240, behavior: 'smooth' });
    await scrollTo(250);
    expect(state()).toEqual(['false', 'false']);
    await scrollTo(500);
    expect(state()).toEqual(['false', 'true']);
    // Still focusable at the edge: a keyboard user on it keeps their place.
    expect(next.disabled).toBe(false);
  });

  it('scrolls the carousel towards the left in a right-to-left page, where scrollLeft runs negative', async () => {
    const { next, scrollBy, scrollTo, state } = scrolledCarousel('rtl');
    await scrollTo(0);
    expect(state()).toEqual(['true', 'false']);
    click(next);
    expect(scrollBy).toHaveBeenCalledWith({ left: -240, behavior: 'smooth' });
    await scrollTo(-500);
    expect(state()).toEqual(['false', 'true']);
  });

  it('degrades unknown types, bad templates and malformed fields to a notice', () => {
    const odd = [
      { id: 'x', type: 'annotation', text: 'hi' },
      { id: 'y', type: 'rich_message', template_id: 'cards' },
      { id: 'z', type: 'message', text: { toString: null } },
    ] as unknown as ChatEvent[];
    for (const e of odd) expect(show(e).root.textContent).toBe('This message cannot be shown here.');
  });

  it('renders the hostile corpus inert', () => {
    for (const e of hostileEvents) {
      const { root } = show(e);
      expect(inertProblems(root), e.id).toEqual([]);
    }
    const text = show(hostileEvents[0]!).root.textContent;
    expect(text).toContain('<script>alert(1)</script>');
  });
});
