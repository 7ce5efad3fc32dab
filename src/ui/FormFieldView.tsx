import { useContext, useId } from 'preact/hooks';
import type { FormField } from '../protocol/types';
import { ChoiceField } from './ChoiceField';
import { commentKey, type FieldError, type FormValues } from './fill-form';
import { RatingChoice } from './parts';
import { StringsContext } from './strings';

/**
 * One form field of any `get_form` type, with a visible label tied to its control, a required
 * marker, and its error linked through `aria-describedby`.
 */
export function FormFieldView(props: {
  field: FormField;
  values: FormValues;
  error?: FieldError | undefined;
  onChange: (id: string, value: string | string[]) => void;
}) {
  const t = useContext(StringsContext);
  const { field, values, error } = props;
  const id = useId();
  const errId = error ? id + 'e' : undefined;
  const value = values[field.id];
  const text = typeof value === 'string' ? value : '';
  const set = (v: string | string[]) => props.onChange(field.id, v);
  const label = (
    <>
      {String(field.label ?? '')}
      {field.required && <span class="req"> {t.requiredMark}</span>}
    </>
  );
  const common = {
    id,
    required: !!field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errId,
    onInput: (e: { currentTarget: { value: string } }) => set(e.currentTarget.value),
  };
  let control;
  switch (field.type) {
    case 'header':
      return <p class="fhead">{String(field.label ?? '')}</p>;
    case 'radio':
    case 'checkbox':
    case 'group_chooser':
      control = <ChoiceField field={field} value={value} legend={label} describedBy={errId} invalid={!!error} onChange={set} />;
      break;
    case 'rating':
      control = (
        <>
          <RatingChoice legend={String(field.label ?? t.rateTitle)} value={text} onChange={set} />
          <label class="fld">
            {String(field.comment_label || t.rateComment)}
            <textarea rows={2} value={String(values[commentKey(field.id)] ?? '')} onInput={(e) => props.onChange(commentKey(field.id), e.currentTarget.value)} />
          </label>
        </>
      );
      break;
    default:
      control = (
        <div class="fld">
          <label for={id}>{label}</label>
          {field.type === 'select' ? (
            <select {...common} value={text} onChange={common.onInput}>
              <option value="">{t.choose}</option>
              {(Array.isArray(field.options) ? field.options : []).map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {String(o.label ?? '')}
                </option>
              ))}
            </select>
          ) : field.type === 'textarea' ? (
            <textarea {...common} rows={3} value={text} />
          ) : (
            <input
              {...common}
              type="text"
              inputMode={field.type === 'email' ? 'email' : 'text'}
              autocomplete={field.type === 'name' ? 'name' : field.type === 'email' ? 'email' : 'off'}
              value={text}
            />
          )}
        </div>
      );
  }
  return (
    <div class="fwrap">
      {control}
      {error && (
        <p class="ferr" id={errId}>
          {error === 'email' ? t.invalidEmail : t.required}
        </p>
      )}
    </div>
  );
}
