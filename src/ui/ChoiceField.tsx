import type { ComponentChildren } from 'preact';
import type { FormField } from '../protocol/types';

type Choice = Extract<FormField, { options: unknown }>;

/**
 * A radio, checkbox or group-chooser field: a fieldset whose legend is the label, with one native
 * input per option. Checkbox values are the list of checked option ids.
 */
export function ChoiceField(props: {
  field: Choice;
  value: string | string[] | undefined;
  legend: ComponentChildren;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: string | string[]) => void;
}) {
  const { field, value } = props;
  const multi = field.type === 'checkbox';
  const list = Array.isArray(value) ? value : [];
  const options = Array.isArray(field.options) ? field.options : [];
  return (
    <fieldset class="fld" aria-describedby={props.describedBy} aria-invalid={props.invalid || undefined}>
      <legend>{props.legend}</legend>
      {options.map((o) => {
        const id = 'group_id' in o ? String(o.group_id) : String(o.id);
        const checked = multi ? list.includes(id) : value === id;
        return (
          <label key={id} class="opt">
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={field.id}
              value={id}
              checked={checked}
              onChange={() => props.onChange(multi ? (checked ? list.filter((x) => x !== id) : [...list, id]) : id)}
            />
            <span>{String(o.label ?? '')}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
