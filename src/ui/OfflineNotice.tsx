import css from '../../styles/away.css';
import { useContext } from 'preact/hooks';
import { partStyles } from './part-styles';
import { StringsContext } from './strings';

partStyles(css);

/**
 * Shown when the group has no agents online: the visitor can still leave a message (continuous chat),
 * and once it is left, the notice stays to say it waits for the team. A part: it loads when a group is
 * first offline.
 */
export function OfflineNotice({ left = false }: { left?: boolean }) {
  const t = useContext(StringsContext);
  return (
    <div class="away" role="status">
      <strong>{t.offlineTitle}</strong>
      <p>{left ? t.offlineLeft : t.offlineBody}</p>
    </div>
  );
}
