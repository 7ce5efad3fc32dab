// The parts of the UI a first open does not need, each loading with its stylesheet the first time it
// renders: the message list (the chat has events), rich messages, files, the webview, the postchat.
// Once the panel is usable, loadParts() fetches them all on idle, so none is waited for later. The
// visitor's own files (an attachment's row, the drop target) load when first attached or dragged in.
import { EmptyLog } from './EmptyLog';
import { lazy } from './lazy';

export const MessageList = lazy(() => import('./MessageList').then((m) => m.MessageList), EmptyLog);
export const RichMessage = lazy(() => import('./RichMessage').then((m) => m.RichMessage));
export const FileMessage = lazy(() => import('./FileMessage').then((m) => m.FileMessage));
export const WebviewPanel = lazy(() => import('./WebviewPanel').then((m) => m.WebviewPanel));
export const Postchat = lazy(() => import('./Postchat').then((m) => m.Postchat));
export const Attachment = lazy(() => import('./Attachment').then((m) => m.Attachment));
export const DropTarget = lazy(() => import('./DropTarget').then((m) => m.DropTarget));

/** Loads every part now, and the code older history needs, which the store loads on the first scroll to the top. */
export const loadParts = (): Promise<unknown> =>
  Promise.all([...[MessageList, RichMessage, FileMessage, WebviewPanel, Postchat].map((p) => p.load()), import('../chat/load-older')]);
