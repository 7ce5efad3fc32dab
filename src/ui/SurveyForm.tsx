import { useRef, useState } from 'preact/hooks';
import type { FilledFormField, Form } from '../protocol/types';
import { fillForm, type FieldError, type FormRating, type FormValues } from './fill-form';
import { FormFieldView } from './FormFieldView';

/**
 * A prechat or postchat form from `get_form`. Sending validates it: errors show next to their
 * fields and focus moves to the first one; valid answers go to `onSubmit` as `filled_form` fields
 * (and a rating, when the form has a rating field).
 */
export function SurveyForm(props: {
  form: Form;
  submitLabel: string;
  busy?: boolean | undefined;
  onSubmit: (answers: { formId: string; fields: FilledFormField[]; rating?: FormRating }) => void;
}) {
  const { form } = props;
  const [values, setValues] = useState<FormValues>(() => {
    const init: FormValues = {};
    for (const f of form.fields) {
      if (f.type === 'radio' || f.type === 'select') init[f.id] = f.options.find((o) => o.checked)?.id;
      if (f.type === 'checkbox') init[f.id] = f.options.filter((o) => o.checked).map((o) => o.id);
    }
    return init;
  });
  // Once the visitor tried to send, errors follow their edits so a fixed field clears at once.
  const [tried, setTried] = useState(false);
  const errors: Record<string, FieldError> | null = tried ? fillForm(form, values).errors : null;
  const ref = useRef<HTMLFormElement>(null);
  // An update function, not `{ ...values }`: several inputs may arrive before the next render
  // (autofill, fast typing), and each must build on the one before.
  const change = (id: string, v: string | string[]) => setValues((prev) => ({ ...prev, [id]: v }));
  return (
    <form
      ref={ref}
      class="survey"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (props.busy) return;
        const result = fillForm(form, values);
        setTried(true);
        if (Object.keys(result.errors).length > 0) {
          // Wait for the error render, then focus the first invalid control.
          queueMicrotask(() =>
            ref.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus(),
          );
          return;
        }
        props.onSubmit({ formId: form.id, fields: result.fields, ...(result.rating ? { rating: result.rating } : {}) });
      }}
    >
      {form.fields.map((f) => (
        <FormFieldView key={f.id} field={f} values={values} error={errors?.[f.id]} onChange={change} />
      ))}
      <button type="submit" class="btn pri" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}
