// The public surface of `chatlet/client`: what it exports, and that its types guide callers.
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  API_VERSION,
  createCustomerClient,
  RtmError,
  type ChatEvent,
  type ConnectionState,
  type CustomerClient,
  type LoginResponse,
  type PushMap,
  type StartChatResponse,
  type UploadedFile,
  type UploadOptions,
} from '../../../src/protocol/index';
import { harness } from './client-harness';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('chatlet/client', () => {
  it('exports the client factory, the error class and the one API version', () => {
    expect(API_VERSION).toBe('3.1');
    expect(typeof createCustomerClient).toBe('function');
    expect(new RtmError('validation', 'm', { f: 1 })).toMatchObject({ name: 'RtmError', type: 'validation', message: 'm', data: { f: 1 } });
  });

  it('types pushes, requests, wrappers and states', async () => {
    const h = harness();
    const client: CustomerClient = h.client;
    client.on('incoming_event', (payload, requestId) => {
      expectTypeOf(payload).toEqualTypeOf<PushMap['incoming_event']>();
      expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
    });
    client.on('connection_state', (state) => expectTypeOf(state).toEqualTypeOf<ConnectionState>());
    client.on('push', (action, payload) => {
      expectTypeOf(action).toEqualTypeOf<string>();
      expectTypeOf(payload).toEqualTypeOf<unknown>();
    });
    expectTypeOf<ReturnType<CustomerClient['connect']>>().resolves.toEqualTypeOf<LoginResponse>();
    expectTypeOf(client.startChat).returns.resolves.toEqualTypeOf<StartChatResponse>();
    expectTypeOf(client.request<'get_form'>).parameter(1).toEqualTypeOf<{ group_id: number; type: 'prechat' | 'postchat' }>();
    expectTypeOf(client.getChatsSummary).parameter(0).toEqualTypeOf<{ offset?: number; limit?: number } | undefined>();
    // @ts-expect-error get_form needs group_id and type
    client.getForm().catch(() => {});
    // @ts-expect-error unknown push names are only reachable through 'push'
    client.on('not_a_push', () => {});
    const text = (e: ChatEvent) => (e.type === 'message' ? e.text : e.type === 'rich_message' ? e.elements?.[0]?.buttons?.[0]?.type : e.id);
    expectTypeOf(text).returns.toEqualTypeOf<string | undefined>();
    expectTypeOf(client.uploadFile).parameters.toEqualTypeOf<[file: Blob, options?: UploadOptions]>();
    expectTypeOf(client.uploadFile).returns.resolves.toEqualTypeOf<UploadedFile>();
    expectTypeOf<UploadOptions['onProgress']>().toEqualTypeOf<((sent: number, total: number) => void) | undefined>();
    client.close();
  });
});
