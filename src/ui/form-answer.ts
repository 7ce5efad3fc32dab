import type { FilledFormField, SeedFilledFormField } from '../protocol/types';

const label = (o: unknown): string =>
  o && typeof o === 'object' ? String((o as { label?: unknown; value?: unknown }).label ?? (o as { value?: unknown }).value ?? '') : '';

/**
 * A filled-form field's answer as one readable line. Handles the released shape (`answer`,
 * `answers`) and seed 002's older one (`value`, `options[].checked`); anything else reads as ''.
 */
export function formAnswer(field: FilledFormField | SeedFilledFormField): string {
  const f = field as Partial<Record<'answer' | 'answers' | 'value' | 'options', unknown>>;
  if (typeof f.answer === 'string') return f.answer;
  if (f.answer) return label(f.answer);
  const list = Array.isArray(f.answers) ? f.answers : Array.isArray(f.options) ? f.options.filter((o) => o?.checked) : null;
  if (list) return list.map(label).filter(Boolean).join(', ');
  return typeof f.value === 'string' ? f.value : '';
}
