import { useContext, useEffect, useState } from 'preact/hooks';
import { selectCurrentChat, selectRating, selectTimeline } from '../chat/selectors';
import { RatingPanel } from './RatingPanel';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { SurveyForm } from './SurveyForm';

/**
 * What follows a finished chat: the good/bad rating with a comment, and the postchat form when the
 * group has one enabled (loaded on first show, hidden once sent).
 *
 * @example
 * {chatEnded && <Postchat />}
 */
export function Postchat() {
  const t = useContext(StringsContext);
  const { state, actions } = useStore();
  const s = state.value;
  const form = s.forms.postchat;
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (!form) actions.loadForm('postchat');
  }, [form]);
  const chat = selectCurrentChat(s);
  const postchat = form?.status === 'ready' && form.enabled ? form.form : null;
  const answered =
    sent ||
    (!!postchat &&
      selectTimeline(s).some((i) => i.event.type === 'filled_form' && i.event.form_id === postchat.id && i.threadId === chat?.lastThreadId));
  return (
    <>
      <RatingPanel rated={selectRating(s) !== null} onRate={(r) => actions.rate(r)} />
      {postchat && !answered && (
        <div class="card">
          <SurveyForm
            form={postchat}
            submitLabel={t.postchatSubmit}
            onSubmit={({ formId, fields }) => {
              actions.submitPostchat({ type: 'filled_form', form_id: formId, fields });
              setSent(true);
            }}
          />
        </div>
      )}
    </>
  );
}
