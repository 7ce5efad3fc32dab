import type { Ref } from 'preact';
import { useContext } from 'preact/hooks';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { fmt, LocaleContext, StringsContext } from './strings';

/** The agent shown on the launcher (predicted or assigned). */
export interface LauncherAgent {
  name?: string | undefined;
  avatar?: string | undefined;
}

/**
 * The button that opens and minimizes the chat: a real `<button>` whose label says what it does
 * and how many messages are unread, with an unread badge and the agent's avatar. Floating, it shows
 * an icon; inline (a `target` element) the window title is written on it too.
 */
export function Launcher(props: {
  open: boolean;
  unread: number;
  agent?: LauncherAgent | null | undefined;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const t = useContext(StringsContext);
  const locale = useContext(LocaleContext);
  const { open, unread, agent } = props;
  const label = open ? t.minimize : unread > 0 ? fmt(t.openUnread, { count: unread }, locale) : t.open;
  return (
    <button type="button" class="launch" ref={props.buttonRef} aria-label={label} aria-expanded={open} onClick={props.onToggle}>
      <Icon name={open ? 'down' : 'chat'} />
      <span class="lbl">{t.title}</span>
      {!open && agent?.avatar && <Avatar src={agent.avatar} name={agent.name} />}
      {!open && unread > 0 && (
        <span class="badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
