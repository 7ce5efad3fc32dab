// Links and images from events are only followed with http(s) URLs (no javascript:, data:…).

/**
 * The URL if it is http(s), else undefined.
 * @example
 * safeUrl('javascript:alert(1)'); // undefined
 */
export const safeUrl = (url: unknown): string | undefined => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined);
