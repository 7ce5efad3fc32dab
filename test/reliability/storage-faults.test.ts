// Storage faults: localStorage missing, throwing, full, or holding corrupt JSON under every key the
// widget reads. The widget still chats — through a dropped answer too — and nothing is lost.
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageLike } from '../../src/protocol/safe-storage';
import { fullStorage, memoryStorage, throwingStorage } from '../unit/protocol/fake-storage';
import { mulberry32 } from './mulberry32';
import { agentReads, startSite, type Site } from './site';
import { openVisitor, ownMessages, until, type Browser, type Visitor } from './visitor';

let site: Site;
let visitor: Visitor | undefined;
afterEach(async () => {
  visitor?.close();
  await site.close();
});

const CORRUPT = ['{not json', '[1,2', 'null', '"text"', '42', '[{"customId":7}]', '{"accessToken":5}', '\u0000\uFFFF'];
const KEYS = ['chatlet_outbox_12345', '@@lc_auth_token:12345', 'side_storage_12345'];

/** Every key the widget reads holds `value`. */
const corrupt = (value: string) => memoryStorage(Object.fromEntries(KEYS.map((k) => [k, value])));

/** A storage whose reads return values no Storage would (a broken polyfill). */
function lyingStorage(): StorageLike {
  return { getItem: () => ({ length: 3 }) as unknown as string, setItem: () => undefined, removeItem: () => undefined };
}

const kinds: [string, () => StorageLike | undefined][] = [
  ['missing (no localStorage at all)', () => undefined],
  ['throwing on every call', throwingStorage],
  ['full (writes throw QuotaExceededError)', () => fullStorage()],
  ['returning non-strings', lyingStorage],
  ...CORRUPT.map((value): [string, () => StorageLike] => [`holding ${JSON.stringify(value)} under every key`, () => corrupt(value)]),
];

describe('storage faults: the widget still chats', () => {
  it.each(kinds)('storage %s', async (_name, storage) => {
    site = await startSite();
    const browser: Browser = { storage: storage() };
    visitor = openVisitor(site, browser, mulberry32(1));
    const v = visitor;
    await until(() => v.store.connectionState.value === 'online', 5_000);
    void v.store.actions.send('one');
    site.control.dropOnResponse('send_event');
    await until(() => ownMessages(v.store).length === 1 && v.store.state.value.outbox.length === 0, 5_000);
    void v.store.actions.send('two');
    void v.store.actions.send('three');
    const want = ['one', 'two', 'three'];
    await until(() => JSON.stringify(ownMessages(v.store).map(([t]) => t)) === JSON.stringify(want) && v.store.state.value.outbox.length === 0, 10_000);
    expect(ownMessages(v.store)).toEqual(want.map((t) => [t, 'sent']));
    expect(await agentReads(site.sandbox, browser.entityId!)).toEqual(want);
  });
});
