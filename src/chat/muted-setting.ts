import { signal } from '@preact/signals-core';
import { safeStorage, type StorageLike } from '../protocol/safe-storage';
import type { TabPeers } from './tab-peers';

/**
 * Whether the visitor muted the widget's sounds: remembered in storage (for every license of the
 * site: it is the visitor's choice, not a chat's) and told to the visitor's other tabs at once.
 */
export function mutedSetting(storageLike: StorageLike | null | undefined, peers: TabPeers | undefined) {
  const key = 'chatlet_muted';
  const storage = safeStorage(storageLike);
  const muted = signal(storage.getJson(key) === true);
  const stop = peers?.listen((note) => {
    if (typeof note.muted == 'boolean') muted.value = note.muted;
  });
  return {
    muted,
    set(on: boolean): void {
      muted.value = on;
      if (on) storage.setJson(key, true);
      else storage.remove(key);
      peers?.post({ muted: on });
    },
    dispose: () => stop?.(),
  };
}
