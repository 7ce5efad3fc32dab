// `chatlet/client`: the UI-free, fully typed LiveChat Customer Chat RTM API v3.1 client.
export { API_VERSION } from './api-version';
export { createCustomerClient } from './customer-client';
export type { ClientEvents, CustomerClient, FrameError, StateInfo } from './client-types';
export { RtmError } from './rtm-error';
export type { RtmErrorType } from './rtm-error';
export { backoff } from './backoff';
export type { CustomerClientOptions, SocketConstructor, SocketLike } from './client-options';
export type { Clock } from './clock';
export type { Environment, EnvironmentSignal } from './browser-environment';
export type { StorageLike } from './safe-storage';
export type { CustomerToken } from './token-source';
export type { MethodWrappers, PayloadArg } from './method-wrappers';
export type { UploadedFile, UploadOptions, XhrConstructor, XhrLike } from './upload-file';
export type * from './types';
