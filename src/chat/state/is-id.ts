// The state's maps are plain objects keyed by ids: one named like an Object.prototype member would
// read that member instead of nothing. The client's frame check drops such frames; this keeps the
// reducer safe from any other source too.
const PROTOTYPE = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a value from the server can be an id: a non-empty string that names no Object.prototype member. */
export const isId = (v: unknown): v is string => typeof v === 'string' && v !== '' && !PROTOTYPE.has(v);
