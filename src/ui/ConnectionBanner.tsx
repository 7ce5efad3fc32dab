import { useContext } from 'preact/hooks';
import type { ConnectionState } from '../protocol/types';
import { Icon } from './Icon';
import { StringsContext, type Strings } from './strings';

/**
 * The stop reason in plain words: a known `customer_disconnected` reason or login error has its own
 * string (`reason_<name>`), anything else reads as "Chat is unavailable."
 */
export function reasonText(t: Strings, reason: string | null | undefined): string {
  return (reason && (t as Record<string, string>)[`reason_${reason}`]) || t.stopped;
}

/**
 * Tells the visitor about the connection: reconnecting (polite status), browser offline, or stopped
 * for good with the reason and, when the visitor can resume, a reconnect button.
 */
export function ConnectionBanner(props: { state: ConnectionState; reason?: string | null | undefined; onReconnect?: (() => void) | undefined }) {
  const t = useContext(StringsContext);
  const { state } = props;
  if (state === 'closed') {
    return (
      <div class="ban err" role="alert">
        <Icon name="alert" />
        <span>{reasonText(t, props.reason)}</span>
        {props.onReconnect && (
          <button type="button" class="btn" onClick={props.onReconnect}>
            {t.reconnect}
          </button>
        )}
      </div>
    );
  }
  const text = state === 'reconnecting' ? t.reconnecting : state === 'offline' ? t.offline : null;
  return text ? (
    <div class="ban" role="status">
      <span class="spin" aria-hidden="true" />
      <span>{text}</span>
    </div>
  ) : null;
}
