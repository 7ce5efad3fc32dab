// The rich messages the console's "Send cards" and "Send quick replies" buttons send: a
// product carousel of the demo shop and a yes/no question (seed 002 "Rich message").
import type { Json } from './agent-client';

/**
 * A `cards` rich message with two products; images and links point at the demo site.
 * @example
 * client.request('send_event', { chat_id, event: cardsSample('http://127.0.0.1:8080') });
 */
export function cardsSample(siteOrigin: string): Json {
  const product = (id: string, title: string, subtitle: string, image: string) => ({
    title,
    subtitle,
    image: { url: `${siteOrigin}/img/${image}`, name: image, content_type: 'image/svg+xml', width: 200, height: 240 },
    buttons: [
      { text: 'Add to bag', postback_id: `add_${id}`, type: 'message', value: `Add ${title} to my bag`, user_ids: [] },
      { text: 'View product', postback_id: `view_${id}`, type: 'url', value: `${siteOrigin}/product.html`, user_ids: [] },
    ],
  });
  return {
    type: 'rich_message',
    recipients: 'all',
    template_id: 'cards',
    elements: [
      product('house', 'House Blend', 'Milk chocolate, hazelnut · $16', 'bag-house.svg'),
      product('yirga', 'Yirgacheffe', 'Bergamot, jasmine · $19', 'bag-ethiopia.svg'),
    ],
  };
}

/**
 * A `quick_replies` rich message asking whether the answer helped.
 * @example
 * client.request('send_event', { chat_id, event: quickRepliesSample() });
 */
export function quickRepliesSample(): Json {
  const reply = (id: string, text: string) => ({ text, postback_id: id, type: 'message', value: text, user_ids: [] });
  return {
    type: 'rich_message',
    recipients: 'all',
    template_id: 'quick_replies',
    elements: [{ title: 'Did that answer your question?', buttons: [reply('qr_yes', 'Yes, thanks!'), reply('qr_no', 'Not yet')] }],
  };
}
