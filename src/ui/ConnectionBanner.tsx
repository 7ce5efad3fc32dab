import { useContext } from 'preact/hooks';
import type { ConnectionState } from '../protocol/types';
import { Icon } from './Icon';
import { StopReason } from './parts';
import { StringsContext } from './strings';

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
        <span>{props.reason ? <StopReason reason={props.reason} fallback={t.stopped} /> : t.stopped}</span>
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
