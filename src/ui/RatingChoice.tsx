import css from '../../styles/rate.css';
import { useContext, useId } from 'preact/hooks';
import { Icon } from './Icon';
import { partStyles } from './part-styles';
import { StringsContext } from './strings';

partStyles(css);

/**
 * Good/bad rating as two native radio buttons styled as large thumbs, inside a labelled fieldset: in
 * the postchat's chunk, and a part of its own for a form's rating field.
 */
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
