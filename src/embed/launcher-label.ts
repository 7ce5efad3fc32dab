// Where the launcher's labels are among a locale chunk's texts (which hold English's keys' order and
// no keys), so the eager script and the widget label their launcher without the dictionary's keys.
// test/unit/embed/launcher-label.test.ts holds them to `defaultStrings`.

/** The index of `open` ("Open chat"). */
export const OPEN = 1;
/** The index of `startChat` ("Start the chat"), an inline launcher's label. */
export const START_CHAT = 10;
