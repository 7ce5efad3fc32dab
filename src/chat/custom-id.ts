// A custom_id is given to every outgoing event when it is composed, so its echo can be recognised.

/**
 * Returns a generator of unique custom ids: time, a counter and randomness, base 36.
 *
 * @example
 * const nextId = customIdGenerator(Date.now, Math.random);
 * nextId(); // 'lx2k3p-1-8f3k2a'
 */
export function customIdGenerator(now: () => number, random: () => number): () => string {
  let counter = 0;
  return () => {
    counter++;
    const noise = Math.floor(random() * 36 ** 6).toString(36);
    return `${now().toString(36)}-${counter.toString(36)}-${noise}`;
  };
}
