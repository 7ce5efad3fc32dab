import css from '../../styles/rich.css';
import type { RichMessageEvent } from '../protocol/types';
import { Card } from './Card';
import { Carousel } from './Carousel';
import { QuickReplies } from './QuickReplies';
import type { ButtonHandler } from './RichButton';
import { Sticker } from './Sticker';
import { UnknownEvent } from './UnknownEvent';
import { partStyles } from './part-styles';

partStyles(css);

/**
 * A rich message by template: `cards` (one card, or a carousel of several), `quick_replies`,
 * `sticker`; an unknown template renders as cards. `customerId` decides which buttons show as
 * the visitor's own choice; `stale` (events came after it) takes unpicked quick replies away.
 */
export function RichMessage({
  event,
  customerId,
  onPress,
  stale,
}: {
  event: RichMessageEvent;
  customerId: string | undefined;
  onPress: ButtonHandler;
  stale?: boolean | undefined;
}) {
  const elements = Array.isArray(event.elements) ? event.elements.filter((e) => e && typeof e === 'object') : [];
  const isMine = (ids: unknown) => !!customerId && Array.isArray(ids) && ids.includes(customerId);
  const first = elements[0];
  if (!first) return <UnknownEvent />;
  if (event.template_id === 'sticker') return <Sticker element={first} />;
  if (event.template_id === 'quick_replies') return <QuickReplies element={first} isMine={isMine} onPress={onPress} stale={stale} />;
  return elements.length > 1 ? (
    <Carousel elements={elements} isMine={isMine} onPress={onPress} />
  ) : (
    <Card element={first} isMine={isMine} onPress={onPress} />
  );
}
