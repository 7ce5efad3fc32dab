import css from '../../styles/typing.css';
import { useContext } from 'preact/hooks';
import { Avatar } from './Avatar';
import { partStyles } from './part-styles';
import { fmt, StringsContext } from './strings';

partStyles(css);

/**
 * Animated dots in an agent bubble while the agent types; the sentence is there for screen readers.
 * A part: it loads when an agent first types.
 */
export function TypingIndicator({ name, avatar }: { name?: string | undefined; avatar?: string | undefined }) {
  const t = useContext(StringsContext);
  return (
    <div class="grp typing">
      <Avatar src={avatar} name={name} />
      <p class="bub" role="status">
        <span class="dots" aria-hidden="true">
          <i />
          <i />
          <i />
        </span>
        <span class="sr">{fmt(t.typing, { name: name || t.agent })}</span>
      </p>
    </div>
  );
}
