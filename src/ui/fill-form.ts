import type { FilledFormField, Form } from '../protocol/types';

/** What the visitor entered, by field id: text, a chosen option id, or checked option ids. */
export type FormValues = Record<string, string | string[] | undefined>;

/** Why a field is not accepted. */
export type FieldError = 'required' | 'email';

/** A rating answered inside a form (`rating` fields are not part of the filled form itself). */
export interface FormRating {
  score: 0 | 1;
  comment?: string;
}

/** The answers of a form, or the errors that keep it from being sent. */
export interface FilledFormResult {
  fields: FilledFormField[];
  errors: Record<string, FieldError>;
  rating?: FormRating;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The key under which a rating field keeps its comment in {@link FormValues}. */
export const commentKey = (fieldId: string) => `${fieldId}.comment`;

/**
 * Validates `values` against `form` and builds the `filled_form` fields (protocol-notes §4):
 * required fields must be answered, emails must look like one, unanswered optional fields are left
 * out, and a `rating` field yields `rating` instead of a field.
 */
export function fillForm(form: Form, values: FormValues): FilledFormResult {
  const result: FilledFormResult = { fields: [], errors: {} };
  for (const f of form.fields) {
    const raw = values[f.id];
    const one = typeof raw === 'string' ? raw.trim() : '';
    const many = Array.isArray(raw) ? raw : [];
    const base = { id: f.id, label: f.label };
    let answered = true;
    switch (f.type) {
      case 'header':
        continue;
      case 'name':
      case 'email':
      case 'question':
      case 'textarea':
        answered = one !== '';
        if (answered && f.type === 'email' && !EMAIL.test(one)) result.errors[f.id] = 'email';
        else if (answered) result.fields.push({ ...base, type: f.type, answer: one });
        break;
      case 'radio':
      case 'select': {
        const o = f.options.find((x) => x.id === one);
        answered = !!o;
        if (o) result.fields.push({ ...base, type: f.type, answer: { id: o.id, label: o.label } });
        break;
      }
      case 'checkbox': {
        const answers = f.options.filter((x) => many.includes(x.id)).map((x) => ({ id: x.id, label: x.label }));
        answered = answers.length > 0;
        if (answered) result.fields.push({ ...base, type: 'checkbox', answers });
        break;
      }
      case 'group_chooser': {
        const o = f.options.find((x) => String(x.group_id) === one);
        answered = !!o;
        if (o) result.fields.push({ ...base, type: 'group_chooser', answer: { group_id: o.group_id, label: o.label } });
        break;
      }
      case 'rating': {
        answered = one === 'good' || one === 'bad';
        const comment = String(values[commentKey(f.id)] ?? '').trim();
        if (answered) result.rating = { score: one === 'good' ? 1 : 0, ...(comment ? { comment } : {}) };
        break;
      }
    }
    if (!answered && f.required) result.errors[f.id] = 'required';
  }
  return result;
}
