// The only adaptation of LiveChat's customer SDK 2.0.0-alpha.7 for the conformance suite: where it
// would reach LiveChat's hosts, it reaches the sandbox. Nothing else of the SDK is changed.
//
// - Transport: the SDK's socket layer (@livechat/sockjs-manager) opens `new SockJS(url)` to
//   `https://api[-<region>].livechatinc.com/v3.2/customer/rtm/sjs?…`. The bundle aliases
//   `sockjs-client` to this module's default export, which opens a native WebSocket to the sandbox's
//   `/v3.1/customer/rtm/ws` with the same query instead (a WebSocket has the events sockjs-manager
//   listens to; SockJS's `heartbeat` just never fires). The SDK sends v3.1 method names on that
//   v3.2 URL (protocol-notes §0, [SDK7]); the sandbox serves them at v3.1.
// - Auth: @livechat/customer-auth 0.4.0-alpha.7, which npm resolves for this SDK, already uses the
//   cookie grant `POST https://accounts.livechatinc.com/customer/token` (over XMLHttpRequest).
//   `routeAccountsToSandbox()` maps that URL to the sandbox's `POST /customer/token`, like a hosts
//   file entry would.
//
// The page sets `window.SANDBOX = { http, ws }` before the bundle runs.

/** A LiveChat URL the SDK uses, as the sandbox's URL; any other URL unchanged. */
export function toSandbox(url) {
  const u = new URL(url);
  const { http, ws } = window.SANDBOX;
  if (/^accounts(\.[\w-]+)?\.livechatinc\.com$/.test(u.hostname)) return `${http}${u.pathname}${u.search}`;
  if (/^api(-[a-z]+)?(\.[\w-]+)?\.livechatinc\.com$/.test(u.hostname) && u.pathname.endsWith('/customer/rtm/sjs')) {
    return `${ws}/v3.1/customer/rtm/ws${u.search}`;
  }
  return url;
}

/** Stands in for `sockjs-client`: a native WebSocket to the sandbox (the SDK calls it with `new`). */
export default function SockJS(url) {
  return new WebSocket(toSandbox(url));
}

/** Sends the SDK's accounts requests (XMLHttpRequest) to the sandbox. */
export function routeAccountsToSandbox() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    return open.call(this, method, toSandbox(String(url)), ...rest);
  };
}
