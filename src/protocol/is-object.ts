/** True for a plain JSON object (not null, not an array): the only shape a payload may have. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
