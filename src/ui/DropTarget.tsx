import css from '../../styles/attach.css';
import { useContext } from 'preact/hooks';
import { Icon } from './Icon';
import { partStyles } from './part-styles';
import { StringsContext } from './strings';

partStyles(css);

/** What covers the panel while files are dragged over it: drop them to send them. */
export function DropTarget() {
  return (
    <div class="drop" aria-hidden="true">
      <Icon name="clip" />
      <p>{useContext(StringsContext).dropFiles}</p>
    </div>
  );
}
