// LiveChat's own RTM hosts: the default `api.livechatinc.com` and the regional `api-<region>.livechatinc.com`
// (protocol-notes §1). Anything else (the sandbox, a proxy) is a host the client must not rewrite.
const LIVECHAT_HOST = /^wss:\/\/api(?:-[a-z0-9-]+)?(\.livechatinc\.com)(?=[:/?]|$)/;
// A region goes into a host name: `dal`, `fra`, `fra-a`; lowercase letters and digits, dash-separated.
const REGION = /^[a-z0-9]{1,20}(?:-[a-z0-9]{1,20}){0,3}$/;

/**
 * The RTM base URL of `region` when `apiUrl` is LiveChat's own host: the same URL with the host
 * `api-<region>.livechatinc.com`. `undefined` for a custom `apiUrl` (the client cannot know where that
 * one's regions live) or a region that is not a plain region name.
 */
export function regionUrl(apiUrl: string, region: unknown): string | undefined {
  if (typeof region !== 'string' || !REGION.test(region) || !LIVECHAT_HOST.test(apiUrl)) return undefined;
  return apiUrl.replace(LIVECHAT_HOST, `wss://api-${region}$1`);
}
