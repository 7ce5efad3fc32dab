import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { allFieldsForm, hostileForm } from '../../../demo/gallery/fixtures';
import { RatingChoice } from '../../../src/ui/parts';
import { SurveyForm } from '../../../src/ui/SurveyForm';
import { all, cleanup, click, inertProblems, mount, type } from './render';

afterEach(cleanup);
// A rating field's control is a part (parts.ts), loaded with the first form that has one: here before.
beforeAll(() => RatingChoice.load());

const labelOf = (root: HTMLElement, control: Element) =>
  control.closest('fieldset')?.querySelector('legend')?.textContent ?? root.querySelector(`label[for="${control.id}"]`)?.textContent;

describe('SurveyForm', () => {
  it('renders every field type with an accessible label', () => {
    const { root } = mount(<SurveyForm form={allFieldsForm} submitLabel="Start" onSubmit={vi.fn()} />);
    expect(root.querySelector('.fhead')?.textContent).toContain('Welcome!');
    const controls = all(root, 'input, select, textarea');
    for (const c of controls) {
      const label = c.closest('label')?.textContent || labelOf(root, c);
      expect(label, c.outerHTML).toBeTruthy();
    }
    expect(all(root, 'input[type=radio][name=r]')).toHaveLength(2);
    expect(all(root, 'input[type=checkbox]')).toHaveLength(2);
    expect(all(root, 'select option').map((o) => o.textContent)).toEqual(['Choose…', 'Billing', 'Technical']);
    expect(root.querySelector('input[inputmode=email]')?.getAttribute('autocomplete')).toBe('email');
    expect(all(root, 'fieldset.rate input')).toHaveLength(2);
    expect(root.textContent).toContain('Anything to add?');
    expect(all(root, '.req')).toHaveLength(4);
  });

  it('blocks sending until required fields are filled, marking and describing each error', async () => {
    const onSubmit = vi.fn();
    const { root } = mount(<SurveyForm form={allFieldsForm} submitLabel="Start" onSubmit={onSubmit} />);
    click(root.querySelector('button[type=submit]'));
    await act(() => Promise.resolve());
    expect(onSubmit).not.toHaveBeenCalled();
    const invalid = all(root, '[aria-invalid="true"]');
    expect(invalid).toHaveLength(4);
    for (const el of invalid) {
      const err = root.querySelector(`[id="${el.getAttribute('aria-describedby')}"]`);
      expect(err?.textContent).toBe('This field is required.');
    }
    expect(root.ownerDocument.activeElement).toBe(root.querySelector('input[autocomplete=name]'));

    type(root.querySelector('input[autocomplete=name]'), 'Jo');
    expect(all(root, '[aria-invalid="true"]')).toHaveLength(3);
    type(root.querySelector('input[autocomplete=email]'), 'jo@example.com');
    click(root.querySelector('input[name=r][value=y]'));
    click(root.querySelector('input[type=checkbox][value=a]'));
    click(root.querySelector('button[type=submit]'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      formId: 'prechat-all',
      fields: [
        { id: 'n', type: 'name', label: 'Name', answer: 'Jo' },
        { id: 'e', type: 'email', label: 'E-mail', answer: 'jo@example.com' },
        { id: 'r', type: 'radio', label: 'Are you a customer?', answer: { id: 'y', label: 'Yes' } },
        { id: 'c', type: 'checkbox', label: 'Products', answers: [{ id: 'a', label: 'API' }] },
      ],
    });
  });

  it('keeps every answer when several fields change before the next render (autofill, fast typing)', async () => {
    const onSubmit = vi.fn();
    const { root } = mount(<SurveyForm form={allFieldsForm} submitLabel="Start" onSubmit={onSubmit} />);
    const name = root.querySelector<HTMLInputElement>('input[autocomplete=name]')!;
    const email = root.querySelector<HTMLInputElement>('input[autocomplete=email]')!;
    // Both inputs arrive in one task, as autofill delivers them: no render runs in between.
    await act(() => {
      name.value = 'Jo';
      name.dispatchEvent(new Event('input', { bubbles: true }));
      email.value = 'jo@example.com';
      email.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(name.value).toBe('Jo');
    expect(email.value).toBe('jo@example.com');
  });

  it('renders HTML in labels and options as text', () => {
    const { root } = mount(<SurveyForm form={hostileForm} submitLabel="Go" onSubmit={vi.fn()} />);
    expect(inertProblems(root)).toEqual([]);
    expect(root.querySelector('b, img, script')).toBeNull();
    expect(root.textContent).toContain('<script>alert(26)</script>Hello');
  });
});
