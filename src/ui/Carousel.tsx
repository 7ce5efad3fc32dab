import { useContext, useRef } from 'preact/hooks';
import type { RichMessageElement } from '../protocol/types';
import { Card } from './Card';
import { Icon } from './Icon';
import type { ButtonHandler } from './RichButton';
import { StringsContext } from './strings';

/**
 * Several cards side by side: a horizontally scrolling, snap-aligned row (swipe or Tab through it)
 * with previous/next buttons for pointer users.
 *
 * @example
 * <Carousel elements={[{ title: 'A' }, { title: 'B' }]} isMine={() => false} onPress={fn} />
 */
export function Carousel({ elements, isMine, onPress }: { elements: RichMessageElement[]; isMine: (ids: unknown) => boolean; onPress: ButtonHandler }) {
  const t = useContext(StringsContext);
  const row = useRef<HTMLUListElement>(null);
  const step = (dir: number) => row.current?.scrollBy?.({ left: dir * row.current.clientWidth * 0.8, behavior: 'smooth' });
  return (
    <div class="car" role="group" aria-roledescription="carousel">
      <ul ref={row}>
        {elements.map((el, i) => (
          <li key={i}>
            <Card element={el} isMine={isMine} onPress={onPress} />
          </li>
        ))}
      </ul>
      <button type="button" class="nav prev" aria-label={t.prev} onClick={() => step(-1)}>
        <Icon name="left" />
      </button>
      <button type="button" class="nav next" aria-label={t.next} onClick={() => step(1)}>
        <Icon name="right" />
      </button>
    </div>
  );
}
