import { useContext } from 'preact/hooks';
import { Icon } from './Icon';
import { StringsContext } from './strings';

/**
 * Tells the visitor that their last action (rating, a button, loading history…) did not go
 * through, until they dismiss it. Message sends show their own Retry instead.
 */
export function ErrorNotice({ onDismiss }: { onDismiss: () => void }) {
  const t = useContext(StringsContext);
  return (
    <div class="ban err" role="alert">
      <Icon name="alert" />
      <span>{t.actionFailed}</span>
      <button type="button" class="icon" aria-label={t.dismiss} onClick={onDismiss}>
        <Icon name="close" />
      </button>
    </div>
  );
}
