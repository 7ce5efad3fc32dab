// Rich messages: cards, carousels, quick replies and stickers, with their buttons (seed 002, protocol-notes §4).
import type { EventBase } from './event-types';

/**
 * What a button click does: post its label, open a URL, dial, or open a webview.
 *
 * @example
 * const opensPage = (t: RichMessageButtonType | undefined) => t === 'url' || t === 'webview';
 */
export type RichMessageButtonType = 'message' | 'url' | 'phone' | 'webview';

/**
 * A rich-message button; `user_ids` lists who toggled it on. Buttons sharing a `postback_id` toggle together.
 *
 * @example
 * const b: RichMessageButton = { text: 'Yes', postback_id: 'action_yes', user_ids: [], type: 'message', value: 'yes' };
 */
export interface RichMessageButton {
  text: string;
  postback_id: string;
  user_ids: string[];
  type?: RichMessageButtonType;
  value?: string;
  webview_height?: 'compact' | 'tall' | 'full';
}

/**
 * A rich-message image; only `url` is guaranteed.
 *
 * @example
 * const img: RichMessageImage = { url: 'https://example.com/a.png', width: 640, height: 480 };
 */
export interface RichMessageImage {
  url: string;
  name?: string;
  content_type?: string;
  size?: number;
  width?: number;
  height?: number;
}

/**
 * One card of a rich message; every field is optional.
 *
 * @example
 * const card: RichMessageElement = { title: 'Plan', subtitle: '9 €', buttons: [] };
 */
export interface RichMessageElement {
  title?: string;
  subtitle?: string;
  image?: RichMessageImage;
  buttons?: RichMessageButton[];
}

/**
 * How a rich message is presented; unknown templates are possible and should render as cards.
 *
 * @example
 * const isCarousel = (e: RichMessageEvent) => e.template_id === 'cards' && (e.elements?.length ?? 0) > 1;
 */
export type RichMessageTemplate = 'cards' | 'quick_replies' | 'sticker' | (string & {});

/**
 * Cards, a carousel, quick replies or a sticker.
 *
 * @example
 * const buttons = (e: RichMessageEvent) => e.elements?.flatMap((el) => el.buttons ?? []) ?? [];
 */
export interface RichMessageEvent extends EventBase {
  type: 'rich_message';
  template_id: RichMessageTemplate;
  elements?: RichMessageElement[];
}
