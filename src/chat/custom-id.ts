/**
 * A generator of unique custom ids (time, a counter and randomness, base 36): every outgoing event
 * gets one when composed, so its echo is recognised and it is never sent twice.
 */
export function customIdGenerator(now: () => number, random: () => number): () => string {
  let counter = 0;
  return () => `${now().toString(36)}-${(++counter).toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}
