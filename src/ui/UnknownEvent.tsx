import { useContext } from 'preact/hooks';
import { StringsContext } from './strings';

/** The neutral notice shown for an event type this widget cannot render (or one that is malformed). */
export function UnknownEvent() {
  return <p class="bub unk">{useContext(StringsContext).unknownEvent}</p>;
}
