import { useContext } from 'preact/hooks';
import type { FilledFormEvent } from '../protocol/types';
import { formAnswer } from './form-answer';
import { StringsContext } from './strings';

/** A sent prechat/postchat form as a readable list of questions and answers. */
export function FilledFormSummary({ event }: { event: FilledFormEvent }) {
  const fields = Array.isArray(event.fields) ? event.fields : [];
  return (
    <div class="bub form">
      <strong>{useContext(StringsContext).formSent}</strong>
      <dl>
        {fields.map((f) => {
          const answer = formAnswer(f);
          return answer ? (
            <div key={f.id}>
              <dt>{String(f.label ?? '')}</dt>
              <dd>{answer}</dd>
            </div>
          ) : null;
        })}
      </dl>
    </div>
  );
}
