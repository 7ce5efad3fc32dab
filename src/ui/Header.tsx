import { useContext } from 'preact/hooks';
import type { PredictedAgent } from '../protocol/types';
import { Avatar } from './Avatar';
import { Icon } from './Icon';
import { StringsContext } from './strings';

/**
 * The chat window's header: the predicted or assigned agent (avatar, name, job title), or the
 * window title when there is none, and the minimize button.
 */
export function Header({ agent, titleId, onMinimize }: { agent: Partial<PredictedAgent> | null | undefined; titleId: string; onMinimize: () => void }) {
  const t = useContext(StringsContext);
  return (
    <header class="hd">
      {agent && <Avatar src={agent.avatar} name={agent.name} />}
      <div class="hdt">
        <h2 id={titleId}>{String(agent?.name || t.title)}</h2>
        {agent?.job_title && <p>{String(agent.job_title)}</p>}
      </div>
      <button type="button" class="icon" aria-label={t.minimize} onClick={onMinimize}>
        <Icon name="down" />
      </button>
    </header>
  );
}
