import css from '../../styles/postchat.css';
import { useContext, useEffect, useState } from 'preact/hooks';
import { RatingPanel } from './RatingPanel';
import { useStore } from './store-context';
import { StringsContext } from './strings';
import { SurveyForm } from './SurveyForm';
import { partStyles } from './part-styles';

partStyles(css);

/**
 * What follows a finished chat: the good/bad rating with a comment, and the postchat form when the
 * group has one enabled (loaded on first show, hidden once sent).
 */
export function Postchat() {
  const t = useContext(StringsContext);
  const store = useStore();
  const { actions } = store;
  const form = store.forms.value.postchat;
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (!form) actions.loadForm('postchat');
  }, [form]);
  const lastThreadId = store.lastThreadId.value;
  const postchat = form?.status === 'ready' && form.enabled ? form.form : null;
  const answered =
    sent ||
    (!!postchat &&
      store.timeline.value.some((i) => i.event.type === 'filled_form' && i.event.form_id === postchat.id && i.threadId === lastThreadId));
  const showForm = !!postchat && !answered;
  // A postchat form with its own rating field asks for the rating itself: one prompt, not two.
  const formRates = showForm && postchat.fields.some((f) => f.type === 'rating');
  return (
    <>
      {!formRates && <RatingPanel rated={store.rating.value !== null} onRate={(r) => actions.rate(r)} />}
      {showForm && (
        <div class="card">
          <SurveyForm
            form={postchat}
            submitLabel={t.postchatSubmit}
            onSubmit={(answers) => {
              actions.submitPostchat(answers);
              setSent(true);
            }}
          />
        </div>
      )}
    </>
  );
}
