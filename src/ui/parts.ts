// The parts of the UI a first open does not need, each loading with its stylesheet the first time it
// renders: the message list (the chat has events), rich messages, files, the webview, the postchat,
// the header menu's list, the greeting bubble, a form's rating field, a stop's reason in words, the
// offline notice, the agent's typing indicator.
// Once the panel is usable, loadParts() fetches them all on idle, so none is waited for later. The
// visitor's own files (an attachment's row, the drop target) load when first attached or dragged in.
// Each comes with the texts only the later parts show (later-strings.ts), in the dictionaries before
// it renders.
import type { FunctionComponent } from 'preact';
import { EmptyLog } from './EmptyLog';
import { lazy } from './lazy';
import { addLaterStrings } from './strings';

let laterStrings: Promise<void> | undefined;
const withTexts = <P>(load: () => Promise<FunctionComponent<P>>) => () => {
  laterStrings ??= import('./later-strings').then(
    (m) => addLaterStrings(m.laterStrings),
    (error: unknown) => {
      laterStrings = undefined;
      throw error;
    },
  );
  return Promise.all([load(), laterStrings]).then(([part]) => part);
};
const part = <P>(load: () => Promise<FunctionComponent<P>>, fallback?: FunctionComponent<P>) => lazy(withTexts(load), fallback);

export const MessageList = part(() => import('./MessageList').then((m) => m.MessageList), EmptyLog);
export const RichMessage = part(() => import('./RichMessage').then((m) => m.RichMessage));
export const FileMessage = part(() => import('./FileMessage').then((m) => m.FileMessage));
export const WebviewPanel = part(() => import('./WebviewPanel').then((m) => m.WebviewPanel));
export const Postchat = part(() => import('./Postchat').then((m) => m.Postchat));
export const GreetingBubble = part(() => import('./GreetingBubble').then((m) => m.GreetingBubble));
export const RatingChoice = part(() => import('./RatingChoice').then((m) => m.RatingChoice));
export const StopReason = part(
  () => import('./StopReason').then((m) => m.StopReason),
  (props) => props.fallback,
);
export const OfflineNotice = part(() => import('./OfflineNotice').then((m) => m.OfflineNotice));
export const TypingIndicator = part(() => import('./TypingIndicator').then((m) => m.TypingIndicator));
export const MenuPopup = part(() => import('./MenuPopup').then((m) => m.MenuPopup));
export const Attachment = part(() => import('./Attachment').then((m) => m.Attachment));
export const DropTarget = part(() => import('./DropTarget').then((m) => m.DropTarget));

/**
 * Loads every part now, and the store's code it loads when first needed: older history (the first
 * scroll to the top), the sender, read receipts and sneak peeks (a chat, or the first send), the
 * actions of rich messages' buttons and of the rating.
 */
export const loadParts = (): Promise<unknown> =>
  Promise.all([...[MessageList, RichMessage, FileMessage, WebviewPanel, Postchat, MenuPopup, GreetingBubble, RatingChoice, StopReason, OfflineNotice, TypingIndicator].map((p) => p.load()), import('../chat/load-older'), import('../chat/live-chat'), import('../chat/later-actions')]);
