/**
 * Logs one `chatlet:` error on the console; with a second argument, appends what was given instead.
 * Commands report bad arguments this way rather than throwing into the page.
 */
export function logError(message: string, ...got: unknown[]): void {
  console.error(`chatlet: ${message}${got.length ? ` (got ${JSON.stringify(got[0]) ?? typeof got[0]})` : ''}`);
}
