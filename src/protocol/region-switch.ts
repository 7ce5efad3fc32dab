import { regionUrl } from './region-url';
import type { SafeStorage } from './safe-storage';

// The first switch, and one more if that host also sends the client on: then it stops, so two
// hosts that each name the other cannot keep the client bouncing between them.
const MAX_SWITCHES = 2;

/**
 * Which host the client connects to, and where it goes when LiveChat says another region serves the
 * license (`misdirected_connection` push or `misdirected_request` login error, with `data.region`;
 * protocol-notes §3). With LiveChat's own `apiUrl` the client switches to `api-<region>` and, once a
 * login there succeeds, remembers the region (license-scoped) so the next page load goes straight
 * there; a remembered region that turns out to be wrong is forgotten. A custom `apiUrl` never switches.
 */
export function regionSwitch(store: SafeStorage, licenseId: number, apiUrl: string) {
  const key = `chatlet_region_${licenseId}`;
  const stored = store.getJson(key);
  // A remembered region applies only to LiveChat's own host (and must still be a region name).
  let region = regionUrl(apiUrl, stored) ? (stored as string) : undefined;
  let saved = region;
  let switches = 0;
  return {
    /** The base URL to connect to now. */
    get url(): string {
      return (region && regionUrl(apiUrl, region)) || apiUrl;
    },
    /** The server sent the client to region `to`: true to reconnect there at once, false to stop. */
    redirect(to: unknown): boolean {
      if (saved) store.remove(key);
      saved = undefined;
      if (to === region || switches >= MAX_SWITCHES || !regionUrl(apiUrl, to)) return false;
      region = to as string;
      switches++;
      return true;
    },
    /** A login succeeded: the region (if any) serves this license, so the next page load uses it. */
    loggedIn(): void {
      if (region && region !== saved) store.setJson(key, (saved = region));
    },
  };
}
