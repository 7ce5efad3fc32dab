import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { RichMessageElement } from '../protocol/types';
import { Card } from './Card';
import { Icon } from './Icon';
import type { ButtonHandler } from './RichButton';
import { StringsContext } from './strings';

/**
 * Several cards side by side: a horizontally scrolling, snap-aligned row (swipe or Tab through it)
 * with previous/next buttons for pointer users. A button with nowhere to go is `aria-disabled` and
 * hidden until it has keyboard focus: disabling or removing it would drop a keyboard user's focus.
 */
export function Carousel({ elements, isMine, onPress }: { elements: RichMessageElement[]; isMine: (ids: unknown) => boolean; onPress: ButtonHandler }) {
  const t = useContext(StringsContext);
  const row = useRef<HTMLUListElement>(null);
  // In a right-to-left page the row starts at the right: `scrollLeft` runs from 0 down to negative.
  const sign = (el: HTMLElement) => (getComputedStyle(el).direction == 'rtl' ? -1 : 1);
  const step = (dir: number) => {
    const el = row.current;
    el?.scrollBy?.({ left: sign(el) * dir * el.clientWidth * 0.8, behavior: 'smooth' });
  };
  const [edges, setEdges] = useState({ start: true, end: true });
  // Measured after paint, when the layout is current, and on every scroll of the row.
  const measure = () => {
    const el = row.current;
    if (!el) return;
    const from = Math.abs(el.scrollLeft);
    const next = { start: from <= 1, end: from + el.clientWidth >= el.scrollWidth - 1 };
    setEdges((was) => (was.start === next.start && was.end === next.end ? was : next));
  };
  useEffect(measure, []);
  return (
    <div class="car" role="group" aria-roledescription="carousel">
      <ul ref={row} onScroll={measure}>
        {elements.map((el, i) => (
          <li key={i}>
            <Card element={el} isMine={isMine} onPress={onPress} />
          </li>
        ))}
      </ul>
      <button type="button" class="nav prev" aria-label={t.prev} aria-disabled={edges.start} onClick={() => step(-1)}>
        <Icon name="left" />
      </button>
      <button type="button" class="nav next" aria-label={t.next} aria-disabled={edges.end} onClick={() => step(1)}>
        <Icon name="right" />
      </button>
    </div>
  );
}
