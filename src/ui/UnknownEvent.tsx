import { useContext } from 'preact/hooks';
import { StringsContext } from './strings';

/**
 * The neutral notice shown for an event type this widget cannot render (or one that is malformed).
 *
 * @example
 * <UnknownEvent />
 */
export function UnknownEvent() {
  return <p class="sys">{useContext(StringsContext).unknownEvent}</p>;
}
