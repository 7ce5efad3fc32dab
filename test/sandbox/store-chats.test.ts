// The membership index behind chatsOfUser(): logins and routing read one user's chats from it
// instead of scanning every chat, so it must follow every change of a chat's users.
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../demo/sandbox/fixtures';
import { createStore } from '../../demo/sandbox/store';
import { addUserToChat, chatsOfUser, createChat, removeUserFromChat } from '../../demo/sandbox/store-chats';

const LICENSE = 12345;
const AGENT = 'agent@chatlet.test';

describe('chatsOfUser', () => {
  it('follows creation, joins and removals, oldest first, per license', () => {
    const store = createStore(loadFixtures());
    const first = createChat(store, { licenseId: LICENSE, customerId: 'c1', groupId: 0 });
    const second = createChat(store, { licenseId: LICENSE, customerId: 'c2', groupId: 0 });
    const elsewhere = createChat(store, { licenseId: 99, customerId: 'c1', groupId: 0 });

    expect(addUserToChat(store, second, AGENT)).toBe(true);
    expect(addUserToChat(store, first, AGENT)).toBe(true);
    expect(addUserToChat(store, first, AGENT)).toBe(false);
    expect(chatsOfUser(store, LICENSE, AGENT)).toEqual([first, second]);
    expect(chatsOfUser(store, LICENSE, 'c1')).toEqual([first]);
    expect(chatsOfUser(store, 99, 'c1')).toEqual([elsewhere]);

    expect(removeUserFromChat(store, second, AGENT)).toBe(true);
    expect(removeUserFromChat(store, second, AGENT)).toBe(false);
    expect(chatsOfUser(store, LICENSE, AGENT)).toEqual([first]);
    expect(chatsOfUser(store, LICENSE, 'nobody')).toEqual([]);
  });

  it('agrees with a scan of every chat after many random changes', () => {
    const store = createStore(loadFixtures());
    const users = ['c1', 'c2', 'c3', AGENT, 'other@chatlet.test'];
    let seed = 7;
    const pick = <T,>(list: T[]): T => list[(seed = (seed * 48_271) % 2_147_483_647) % list.length] as T;
    for (let i = 0; i < 300; i++) {
      const chats = [...store.chats.values()];
      const step = pick([0, 1, 1, 2]);
      if (step === 0 || chats.length === 0) createChat(store, { licenseId: LICENSE, customerId: pick(users), groupId: 0 });
      else if (step === 1) addUserToChat(store, pick(chats), pick(users));
      else removeUserFromChat(store, pick(chats), pick(users));
    }
    for (const user of users) {
      const scanned = [...store.chats.values()].filter((c) => c.userIds.includes(user));
      expect(chatsOfUser(store, LICENSE, user)).toEqual(scanned);
    }
  });
});
