import { describe, expect, it } from 'vitest';
import { rowCache } from '../../../src/ui/row-cache';

describe('rowCache', () => {
  it('hands back the kept value while the deps are the same objects, and makes a new one when one changes', () => {
    const rows = rowCache<{ n: number }>();
    const event = { id: 'e1' };
    let made = 0;
    const make = () => ({ n: ++made });
    const first = rows.get('a', [event, 'sent'], make);
    rows.done();
    expect(rows.get('a', [event, 'sent'], make)).toBe(first);
    rows.done();
    const changed = rows.get('a', [{ id: 'e1' }, 'sent'], make);
    expect(changed).not.toBe(first);
    rows.done();
    expect(rows.get('a', [event, 'sent', 'extra'], make)).not.toBe(changed);
    expect(made).toBe(3);
  });

  it('forgets rows a render did not ask for', () => {
    const rows = rowCache<number>();
    let made = 0;
    rows.get('a', [], () => ++made);
    rows.get('b', [], () => ++made);
    rows.done();
    rows.get('b', [], () => ++made);
    rows.done();
    expect(rows.get('b', [], () => ++made)).toBe(2);
    expect(rows.get('a', [], () => ++made)).toBe(3);
  });
});
