import css from '../../styles/greet.css';
import { useContext } from 'preact/hooks';
import type { Greeting } from '../protocol/types';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { partStyles } from './part-styles';
import { StringsContext } from './strings';

partStyles(css);

/**
 * The greeting from the login's dynamic config (a part: it loads when a greeting is first offered), floating above the launcher: the agent, the text
 * and a reply button that opens the chat, plus a dismiss button; Esc inside it dismisses it too.
 */
export function GreetingBubble({ greeting, onOpen, onDismiss }: { greeting: Greeting; onOpen: () => void; onDismiss: () => void }) {
  const t = useContext(StringsContext);
  const agent = greeting.agent ?? { id: '' };
  return (
    <div class="greet" role="status" onKeyDown={(e) => e.key === 'Escape' && onDismiss()}>
      <button type="button" class="icon x" aria-label={t.dismiss} onClick={onDismiss}>
        <Icon name="close" />
      </button>
      <div class="gwho">
        <Avatar src={agent.avatar} name={agent.name} />
        <strong>{String(agent.name ?? t.agent)}</strong>
      </div>
      <p>{String(greeting.text ?? '')}</p>
      <button type="button" class="btn" onClick={onOpen}>
        {t.reply}
      </button>
    </div>
  );
}
