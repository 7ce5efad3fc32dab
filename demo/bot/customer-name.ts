// The name to greet a customer by: the prechat form's `name` answer, else the name the customer
// logged in with. Forms arrive in both shapes the APIs use: v3.1 `answer` and seed 002 `value`.

/**
 * The customer's first name, or undefined when nobody told us.
 * @example
 * customerName([{ type: 'filled_form', fields: [{ type: 'name', answer: 'Ann Lee' }] }], []); // 'Ann'
 */
export function customerName(events: Array<Record<string, any>>, users: Array<{ type?: string; name?: string }>): string | undefined {
  const fromForm = events
    .filter((e) => e.type === 'filled_form' && Array.isArray(e.fields))
    .flatMap((e) => e.fields as Array<Record<string, unknown>>)
    .find((f) => f.type === 'name' && typeof (f.answer ?? f.value) === 'string');
  const full = (fromForm?.answer ?? fromForm?.value ?? users.find((u) => u.type === 'customer')?.name) as string | undefined;
  const first = full?.trim().split(/\s+/)[0];
  return first ? first.slice(0, 40) : undefined;
}
