import { useContext, useState } from 'preact/hooks';
import { RatingChoice } from './RatingChoice';
import { StringsContext } from './strings';

/**
 * Rates the finished chat: good or bad, then an optional comment. Once sent (or when the chat
 * already has a rating) it thanks the visitor.
 */
export function RatingPanel({ rated, onRate }: { rated: boolean; onRate: (r: { score: 0 | 1; comment?: string }) => void }) {
  const t = useContext(StringsContext);
  const [choice, setChoice] = useState<'good' | 'bad'>();
  const [comment, setComment] = useState('');
  if (rated) return <p class="card note">{t.rateThanks}</p>;
  return (
    <form
      class="card survey"
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) onRate({ score: choice === 'good' ? 1 : 0, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      }}
    >
      <RatingChoice legend={t.rateTitle} value={choice} onChange={setChoice} />
      {choice && (
        <>
          <label class="fld">
            {t.rateComment}
            <textarea rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn pri">
            {t.rateSubmit}
          </button>
        </>
      )}
    </form>
  );
}
