// The customer's side of the open chat: who they are, what they answered in the prechat form,
// their session fields and the rating they gave.
import { customerOf, formAnswers, prechatAnswer, prechatForm, ratingOf, userName } from './console-selectors';
import type { ConsoleChat } from './console-state';
import { RatingBadge } from './RatingBadge';

/**
 * The details column.
 * @example
 * <CustomerPanel chat={chat} />
 */
export function CustomerPanel({ chat }: { chat: ConsoleChat }) {
  const customer = customerOf(chat);
  const form = prechatForm(chat);
  const rating = ratingOf(chat);
  const fields = Object.entries(customer?.fields ?? {});
  return (
    <aside class="details" aria-label="Customer details">
      <h3>Customer</h3>
      <dl>
        <dt>Name</dt>
        <dd>{customer?.name ?? prechatAnswer(chat, 'name') ?? '—'}</dd>
        <dt>E-mail</dt>
        <dd>{customer?.email ?? prechatAnswer(chat, 'email') ?? '—'}</dd>
        {fields.map(([k, v]) => [<dt key={`k${k}`}>{k}</dt>, <dd key={`v${k}`}>{v}</dd>])}
      </dl>
      <h3>Prechat answers</h3>
      {form ? (
        <dl>
          {formAnswers(form).map((a, i) => [<dt key={`t${i}`}>{a.label.replace(/:$/, '')}</dt>, <dd key={`d${i}`}>{a.answer}</dd>])}
        </dl>
      ) : (
        <p class="none">No prechat form in this chat.</p>
      )}
      <h3>Rating</h3>
      {rating ? <RatingBadge rating={rating} /> : <p class="none">{chat.active ? 'Not rated yet.' : 'Not rated.'}</p>}
      <h3>Chat</h3>
      <dl>
        <dt>ID</dt>
        <dd>
          <code>{chat.id}</code>
        </dd>
        <dt>Agents</dt>
        <dd>{chat.agentIds.map((id) => userName(chat, id)).join(', ') || 'none yet'}</dd>
      </dl>
    </aside>
  );
}
