// Forms from `get_form` and the answers a `filled_form` event carries (protocol-notes §4, seed 003 get_form).

/**
 * A choice of a radio, select or checkbox field.
 *
 * @example
 * const chosen = (o: FormOption[]) => o.filter((x) => x.checked);
 */
export interface FormOption {
  id: string;
  label: string;
  checked?: boolean;
}

/**
 * A choice of a group_chooser field: it names a group instead of an id.
 *
 * @example
 * const groups = (o: GroupChooserOption[]) => o.map((x) => x.group_id);
 */
export interface GroupChooserOption {
  group_id: number;
  label: string;
  checked?: boolean;
}

/**
 * Fields every form field has.
 *
 * @example
 * const isRequired = (f: FormFieldBase) => f.required === true;
 */
export interface FormFieldBase {
  id: string;
  label: string;
  required?: boolean;
}

/**
 * Free-text field types.
 *
 * @example
 * const multiline = (t: TextFieldType) => t === 'textarea';
 */
export type TextFieldType = 'name' | 'email' | 'question' | 'textarea';

/**
 * Single- or multiple-choice field types.
 *
 * @example
 * const multiple = (t: ChoiceFieldType) => t === 'checkbox';
 */
export type ChoiceFieldType = 'radio' | 'select' | 'checkbox';

/**
 * One field of a form, discriminated by `type`. `header` and `rating` have no answer in a filled form.
 *
 * @example
 * const email: FormField = { id: 'f2', type: 'email', label: 'E-mail:', required: true };
 */
export type FormField =
  | (FormFieldBase & { type: 'header' })
  | (FormFieldBase & { type: TextFieldType })
  | (FormFieldBase & { type: ChoiceFieldType; options: FormOption[] })
  | (FormFieldBase & { type: 'group_chooser'; options: GroupChooserOption[] })
  | (FormFieldBase & { type: 'rating'; comment_label?: string });

/**
 * Every field type `get_form` returns.
 *
 * @example
 * const answerable = (t: FormFieldType) => t !== 'header' && t !== 'rating';
 */
export type FormFieldType = FormField['type'];

/**
 * A prechat or postchat form.
 *
 * @example
 * const form: Form = { id: '1566', fields: [{ id: 'h', type: 'header', label: 'Welcome!' }] };
 */
export interface Form {
  id: string;
  fields: FormField[];
}

/**
 * A form's kind, as `get_form` asks for it.
 *
 * @example
 * const { enabled, form } = await client.getForm({ group_id: 0, type: 'postchat' satisfies FormType });
 */
export type FormType = 'prechat' | 'postchat';

/**
 * A chosen option in an answer.
 *
 * @example
 * const answer: ChosenOption = { id: 'o1', label: 'Sales' };
 */
export interface ChosenOption {
  id: string;
  label: string;
}

/**
 * One answered field of a `filled_form` event (protocol-notes §4): text fields answer with a string,
 * radio/select with one option, checkbox with `answers`, group_chooser with a group.
 *
 * @example
 * const answer: FilledFormField = { id: 'f2', type: 'email', label: 'E-mail:', answer: 'jo@example.com' };
 */
export type FilledFormField =
  | { id: string; type: TextFieldType; label: string; answer: string }
  | { id: string; type: 'radio' | 'select'; label: string; answer: ChosenOption }
  | { id: string; type: 'checkbox'; label: string; answers: ChosenOption[] }
  | { id: string; type: 'group_chooser'; label: string; answer: { group_id: number; label: string } };

/**
 * The older filled-form field of seed 002's sample: a `value` for text fields and `options` with
 * `checked` for choices. Received events may still carry it.
 *
 * @example
 * const legacyValue = (f: SeedFilledFormField) => f.value ?? f.options?.find((o) => o.checked)?.value;
 */
export interface SeedFilledFormField {
  id: string;
  type: 'text' | 'email' | 'radio' | 'checkbox' | 'select';
  label: string;
  required?: boolean;
  value?: string;
  options?: { value: string; checked: boolean }[];
}
