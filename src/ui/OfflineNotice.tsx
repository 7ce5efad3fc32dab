import { useContext } from 'preact/hooks';
import { StringsContext } from './strings';

/**
 * Shown when the group has no agents online: the visitor can still leave a message (continuous chat).
 *
 * @example
 * {availability === 'offline' && <OfflineNotice />}
 */
export function OfflineNotice() {
  const t = useContext(StringsContext);
  return (
    <div class="away" role="status">
      <strong>{t.offlineTitle}</strong>
      <p>{t.offlineBody}</p>
    </div>
  );
}
