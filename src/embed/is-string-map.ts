/** True for a plain object whose values are all strings (session variables, UI strings, customer fields). */
export function isStringMap(value: unknown): value is Record<string, string> {
  return (
    !!value &&
    typeof value == 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v == 'string')
  );
}
