import { describe, expect, it } from 'vitest';
import { allFieldsForm } from '../../../demo/gallery/fixtures';
import { commentKey, fillForm } from '../../../src/ui/fill-form';

describe('fillForm', () => {
  it('reports every missing required field and a malformed email', () => {
    expect(fillForm(allFieldsForm, {}).errors).toEqual({ n: 'required', e: 'required', r: 'required', c: 'required' });
    expect(fillForm(allFieldsForm, { e: 'not-an-email' }).errors.e).toBe('email');
  });

  it('builds filled_form fields for every answerable type and leaves out headers and blanks', () => {
    const r = fillForm(allFieldsForm, {
      n: ' Jo ',
      e: 'jo@example.com',
      q: '',
      m: 'Help\nplease',
      r: 'y',
      s: 'tech',
      c: ['a', 'w'],
      g: '1',
      rt: 'bad',
      [commentKey('rt')]: ' slow ',
    });
    expect(r.errors).toEqual({});
    expect(r.fields).toEqual([
      { id: 'n', type: 'name', label: 'Name', answer: 'Jo' },
      { id: 'e', type: 'email', label: 'E-mail', answer: 'jo@example.com' },
      { id: 'm', type: 'textarea', label: 'How can we help?', answer: 'Help\nplease' },
      { id: 'r', type: 'radio', label: 'Are you a customer?', answer: { id: 'y', label: 'Yes' } },
      { id: 's', type: 'select', label: 'Topic', answer: { id: 'tech', label: 'Technical' } },
      { id: 'c', type: 'checkbox', label: 'Products', answers: [{ id: 'w', label: 'Widget' }, { id: 'a', label: 'API' }] },
      { id: 'g', type: 'group_chooser', label: 'Department', answer: { group_id: 1, label: 'Sales' } },
    ]);
    expect(r.rating).toEqual({ score: 0, comment: 'slow' });
  });

  it('ignores option ids the form does not have', () => {
    expect(fillForm(allFieldsForm, { r: 'forged', c: ['forged'] }).errors).toMatchObject({ r: 'required', c: 'required' });
  });
});
