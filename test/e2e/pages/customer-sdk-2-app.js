// A page running LiveChat's own customer SDK (npm `@livechat/customer-sdk@2.0.0-alpha.7`, the
// v3.1 method set) against the sandbox, for the conformance suite. Bundled with esbuild, with
// `sockjs-client` aliased to ./customer-sdk-2-shim.js (see there: that and the accounts URL are the
// only adaptations). The tests drive it through `window.sdkHarness`.
import * as CustomerSDK from '@livechat/customer-sdk-2';
import { routeAccountsToSandbox } from './customer-sdk-2-shim.js';

routeAccountsToSandbox();

const EVENTS = ['connected', 'disconnected', 'connection_lost', 'connection_restored', 'customer_id', 'new_event', 'incoming_chat_thread', 'user_joined_chat', 'user_data', 'thread_closed'];
let sdk;

window.sdkHarness = {
  /** Every SDK event so far, as [name, payload]. */
  log: [],
  /** `CustomerSDK.init` with the sandbox license; the SDK connects at once. */
  init(license) {
    // The SDK's state reads `license`; the customer-auth it resolves to checks `licenseId`.
    sdk = CustomerSDK.init({ license, licenseId: license, clientId: 'chatlet-conformance' });
    for (const name of EVENTS) sdk.on(name, (payload) => window.sdkHarness.log.push([name, JSON.parse(JSON.stringify(payload ?? null))]));
  },
  /** Calls an SDK method; resolves with its (JSON-safe) result, or `{error: {code, message}}`. */
  async call(method, ...args) {
    try {
      return JSON.parse(JSON.stringify((await sdk[method](...args)) ?? null));
    } catch (e) {
      return { error: { code: e.code, message: e.message } };
    }
  },
};
