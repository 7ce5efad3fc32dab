import { useContext, useId } from 'preact/hooks';
import { Icon } from './Icon';
import { StringsContext } from './strings';

/** Good/bad rating as two native radio buttons styled as large thumbs, inside a labelled fieldset. */
export function RatingChoice({ legend, value, onChange }: { legend: string; value: string | undefined; onChange: (v: 'good' | 'bad') => void }) {
  const t = useContext(StringsContext);
  const name = useId();
  return (
    <fieldset class="rate">
      <legend>{legend}</legend>
      {(['good', 'bad'] as const).map((v) => (
        <label key={v} class={v}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          <span>
            <Icon name="thumb" />
            {v === 'good' ? t.rateGood : t.rateBad}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
