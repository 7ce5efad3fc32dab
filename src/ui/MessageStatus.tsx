import { useContext } from 'preact/hooks';
import { StringsContext } from './strings';

/** The state of the visitor's own unconfirmed message: "Sending…", or "Not sent." with Retry. */
export function MessageStatus({ status, onRetry }: { status: 'pending' | 'sent' | 'failed'; onRetry: () => void }) {
  const t = useContext(StringsContext);
  if (status === 'failed') {
    return (
      <p class="st fail" role="alert">
        {t.failed}{' '}
        <button type="button" class="link" onClick={onRetry}>
          {t.retry}
        </button>
      </p>
    );
  }
  return status === 'pending' ? <p class="st">{t.sending}</p> : null;
}
