// Fixture events and forms for the gallery and the UI component tests. The `seed*` events are the
// samples of seed 002 ("Event" objects) copied field for field; the others are the released-v3.1
// shapes (protocol-notes §4) and the rich-message templates the seeds only name.
import type {
  ChatEvent,
  FileEvent,
  FilledFormEvent,
  Form,
  RichMessageEvent,
} from '../../src/protocol/types';

export const CUSTOMER_ID = 'b7eff798-f8df-4364-8059-649c35c9ed0c';
export const AGENT_ID = 'agent1@example.com';

const at = (min: number) => new Date(Date.UTC(2024, 4, 14, 9, min)).toISOString().replace('Z', '000Z');

export const seedMessage: ChatEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f743',
  custom_id: '12345-bhdsa',
  order: 1,
  type: 'message',
  author_id: CUSTOMER_ID,
  timestamp: 1473433500,
  text: 'hello there',
  recipients: 'all',
  properties: {},
};

export const seedSystemMessage: ChatEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f744',
  custom_id: '12345-bhdsa',
  order: 1,
  type: 'system_message',
  timestamp: 1473433500,
  text: 'hello there',
  recipients: 'all',
};

export const seedFilledForm: FilledFormEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f745',
  custom_id: '12345-bhdsa',
  order: 4,
  type: 'filled_form',
  author_id: CUSTOMER_ID,
  timestamp: 1473433500,
  recipients: 'all',
  properties: {},
  form_id: '1473433500211',
  fields: [
    { type: 'text', id: '14734335045454', label: 'Your name', required: true, value: 'Jan Kowalski' },
    { type: 'email', id: '14734335045455', label: 'Your email', required: true, value: 'jan.kowalski@gmail.com' },
    { type: 'radio', id: '14734335045456', label: 'Chat purpose', required: true, options: [{ value: 'support', checked: true }, { value: 'sale', checked: false }] },
    { type: 'checkbox', id: '14734335045457', label: 'Company industry', required: true, options: [{ value: 'automotive', checked: true }, { value: 'it', checked: true }] },
    { type: 'select', id: '14734335045458', label: 'Country', required: true, options: [{ value: 'usa', checked: false }, { value: 'pl', checked: true }] },
  ],
};

export const seedFile: FileEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f746',
  custom_id: '12345-bhdsa',
  order: 1,
  type: 'file',
  author_id: AGENT_ID,
  timestamp: 1473433500,
  recipients: 'all',
  properties: {},
  name: 'image25.png',
  url: 'https://domain.com/asdsfdsf.png',
  thumbnail_url: 'https://domain.com/thumbnail.png',
  thumbnail2x_url: 'https://domain.com/thumbnail2x.png',
  content_type: 'image/png',
  size: 123444,
  width: 640,
  height: 480,
};

export const seedCustom: ChatEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f747',
  custom_id: '12345-bhdsa',
  order: 1,
  type: 'custom',
  author_id: AGENT_ID,
  timestamp: 1473433500,
  content: { custom: { nested: 'json' } },
  recipients: 'all',
  properties: {},
};

export const seedRichMessage: RichMessageEvent = {
  id: '0affb00a-82d6-4e07-ae61-56ba5c36f748',
  custom_id: '12345-bhdsa',
  order: 1,
  type: 'rich_message',
  author_id: AGENT_ID,
  timestamp: 1473433500,
  recipients: 'all',
  properties: {},
  template_id: 'cards',
  elements: [
    {
      title: 'Lorem ipsum dolor.',
      subtitle: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
      image: { name: 'image25.png', url: 'https://domain.com/asdsfdsf.png', content_type: 'image/png', size: 123444, width: 640, height: 480 },
      buttons: [
        { text: 'yes', postback_id: 'action_yes', user_ids: ['a7eef798-f8df-4364-8059-649c35c9ed0e', 'a7qef880-aaaa-4364-8059-649c35c9ed0q'] },
        { text: 'no', postback_id: 'action_no', user_ids: [] },
      ],
    },
    { title: 'Lorem ipsum dolor 2.' },
  ],
};

/** Every event type a customer can receive, in the seed shapes. */
export const seedEvents: ChatEvent[] = [seedMessage, seedSystemMessage, seedFilledForm, seedFile, seedCustom, seedRichMessage];

// A small inline SVG as a data URL would be refused by safeUrl, so gallery images are served next
// to the page (demo/gallery/img/*) and referenced by absolute http URL at runtime; tests only look
// at attributes, so any https URL works there.
export const img = (name: string) => `${globalThis.location?.origin?.startsWith('http') ? location.origin : 'https://example.com'}/img/${name}`;

export const singleCard: RichMessageEvent = {
  id: 'rm-card',
  type: 'rich_message',
  author_id: AGENT_ID,
  created_at: at(3),
  template_id: 'cards',
  elements: [
    {
      title: 'Pro plan',
      subtitle: 'Unlimited chats, 5 agents and reports. Details: https://example.com/pricing',
      image: { url: img('card.svg'), name: 'Pro plan' },
      buttons: [
        { text: 'Choose Pro', postback_id: 'pro', user_ids: [CUSTOMER_ID], type: 'message', value: 'pro' },
        { text: 'See pricing', postback_id: 'pricing', user_ids: [], type: 'url', value: 'https://example.com/pricing' },
        { text: 'Call sales', postback_id: 'call', user_ids: [], type: 'phone', value: '+1 (555) 010-2030' },
        { text: 'Book a demo', postback_id: 'demo', user_ids: [], type: 'webview', value: 'https://example.com/book', webview_height: 'tall' },
      ],
    },
  ],
};

export const carousel: RichMessageEvent = {
  id: 'rm-carousel',
  type: 'rich_message',
  author_id: AGENT_ID,
  created_at: at(4),
  template_id: 'cards',
  elements: ['Starter', 'Team', 'Business'].map((title, i) => ({
    title,
    subtitle: `${[9, 29, 79][i]} USD per month`,
    image: { url: img('card.svg') },
    buttons: [{ text: 'Select', postback_id: `plan-${i}`, user_ids: [], type: 'message' as const }],
  })),
};

export const quickReplies: RichMessageEvent = {
  id: 'rm-quick',
  type: 'rich_message',
  author_id: AGENT_ID,
  created_at: at(5),
  template_id: 'quick_replies',
  elements: [
    {
      title: 'Was this helpful?',
      buttons: [
        { text: 'Yes, thanks', postback_id: 'qr-yes', user_ids: [], type: 'message' },
        { text: 'Not really', postback_id: 'qr-no', user_ids: [], type: 'message' },
        { text: 'Talk to a human', postback_id: 'qr-human', user_ids: [], type: 'message' },
      ],
    },
  ],
};

export const sticker: RichMessageEvent = {
  id: 'rm-sticker',
  type: 'rich_message',
  author_id: AGENT_ID,
  created_at: at(6),
  template_id: 'sticker',
  elements: [{ image: { url: img('sticker.svg'), name: 'Waving hand' } }],
};

export const pdfFile: FileEvent = {
  id: 'file-pdf',
  type: 'file',
  author_id: AGENT_ID,
  created_at: at(7),
  name: 'invoice-2024-05.pdf',
  url: 'https://example.com/files/invoice-2024-05.pdf',
  content_type: 'application/pdf',
  size: 284_211,
};

export const imageFile: FileEvent = {
  id: 'file-img',
  type: 'file',
  author_id: CUSTOMER_ID,
  created_at: at(8),
  name: 'screenshot.png',
  url: img('photo.svg'),
  thumbnail_url: img('photo.svg'),
  content_type: 'image/png',
  size: 88_000,
  width: 600,
  height: 400,
};

export const releasedFilledForm: FilledFormEvent = {
  id: 'form-1',
  type: 'filled_form',
  author_id: CUSTOMER_ID,
  created_at: at(0),
  form_id: 'prechat-1',
  fields: [
    { id: 'n', type: 'name', label: 'Name', answer: 'Jan Kowalski' },
    { id: 'e', type: 'email', label: 'E-mail', answer: 'jan@example.com' },
    { id: 't', type: 'select', label: 'Topic', answer: { id: 'billing', label: 'Billing' } },
    { id: 'c', type: 'checkbox', label: 'Products', answers: [{ id: 'w', label: 'Widget' }, { id: 'a', label: 'API' }] },
    { id: 'g', type: 'group_chooser', label: 'Department', answer: { group_id: 1, label: 'Sales' } },
  ],
};

/** Every field type `get_form` can return. */
export const allFieldsForm: Form = {
  id: 'prechat-all',
  fields: [
    { id: 'h', type: 'header', label: 'Welcome! Tell us a little about you before we start.' },
    { id: 'n', type: 'name', label: 'Name', required: true },
    { id: 'e', type: 'email', label: 'E-mail', required: true },
    { id: 'q', type: 'question', label: 'Order number' },
    { id: 'm', type: 'textarea', label: 'How can we help?' },
    { id: 'r', type: 'radio', label: 'Are you a customer?', required: true, options: [{ id: 'y', label: 'Yes' }, { id: 'n', label: 'Not yet' }] },
    { id: 's', type: 'select', label: 'Topic', options: [{ id: 'billing', label: 'Billing' }, { id: 'tech', label: 'Technical' }] },
    { id: 'c', type: 'checkbox', label: 'Products', required: true, options: [{ id: 'w', label: 'Widget' }, { id: 'a', label: 'API' }] },
    { id: 'g', type: 'group_chooser', label: 'Department', options: [{ group_id: 0, label: 'Support' }, { group_id: 1, label: 'Sales' }] },
    { id: 'rt', type: 'rating', label: 'Rate us', comment_label: 'Anything to add?' },
  ],
};

export const postchatForm: Form = {
  id: 'postchat-1',
  fields: [
    { id: 'h', type: 'header', label: 'Thanks for chatting with us!' },
    { id: 'c', type: 'textarea', label: 'Anything we could do better?' },
  ],
};

/** A postchat form that asks for the rating itself, as the sandbox's default fixture does. */
export const ratedPostchatForm: Form = {
  id: 'postchat-2',
  fields: [
    { id: 'r', type: 'rating', label: 'How did we do?', comment_label: 'Anything to add?' },
    { id: 'c', type: 'textarea', label: 'Anything we could do better?' },
  ],
};

const hostileText = '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) <b>bold</b>';

/** Events a hostile agent or a compromised server could send: all of it must render as inert text. */
export const hostileEvents: ChatEvent[] = [
  { id: 'h1', type: 'message', author_id: AGENT_ID, text: hostileText + ' [x](javascript:alert(4)) data:text/html,<script>alert(5)</script>' },
  { id: 'h2', type: 'system_message', text: hostileText },
  { id: 'h3', type: 'file', author_id: AGENT_ID, name: '<img src=x onerror=alert(6)>.png', url: 'javascript:alert(7)', content_type: 'image/png', size: 1, thumbnail_url: 'data:image/svg+xml,<svg onload=alert(8)>' },
  { id: 'h4', type: 'file', author_id: AGENT_ID, name: '"><script>alert(9)</script>', url: 'data:text/html,<script>alert(10)</script>', content_type: 'text/html', size: 1 },
  {
    id: 'h5',
    type: 'rich_message',
    author_id: AGENT_ID,
    template_id: 'cards',
    elements: [
      {
        title: '<script>alert(11)</script>',
        subtitle: '<iframe src="javascript:alert(12)"></iframe>',
        image: { url: 'javascript:alert(13)', name: '<b onmouseover=alert(14)>' },
        buttons: [
          { text: '<img src=x onerror=alert(15)>', postback_id: 'a', user_ids: [], type: 'url', value: 'javascript:alert(16)' },
          { text: 'phone', postback_id: 'b', user_ids: [], type: 'phone', value: 'javascript:alert(17)' },
          { text: 'web', postback_id: 'c', user_ids: [], type: 'webview', value: 'data:text/html,<script>alert(18)</script>' },
          { text: 'vb', postback_id: 'd', user_ids: [], type: 'url', value: ' JaVaScRiPt:alert(19)' },
        ],
      },
      { title: '<svg onload=alert(20)>' },
    ],
  },
  { id: 'h6', type: 'rich_message', author_id: AGENT_ID, template_id: 'sticker', elements: [{ image: { url: 'vbscript:msgbox(21)' }, title: '<script>alert(22)</script>' }] },
  { id: 'h7', type: 'filled_form', author_id: CUSTOMER_ID, form_id: 'x', fields: [{ id: 'a', type: 'name', label: '<script>alert(23)</script>', answer: '<img src=x onerror=alert(24)>' }] },
  { id: 'h8', type: '<script>alert(25)</script>' } as unknown as ChatEvent,
  { id: 'h9', type: 'rich_message', author_id: AGENT_ID, template_id: 'quick_replies', elements: 'nope' } as unknown as ChatEvent,
  { id: 'h10', type: 'message', author_id: AGENT_ID, text: { toString: null } } as unknown as ChatEvent,
];

/** A hostile form: HTML in labels and options must show as text. */
export const hostileForm: Form = {
  id: 'evil',
  fields: [
    { id: 'h', type: 'header', label: '<script>alert(26)</script>Hello' },
    { id: 'n', type: 'name', label: '<img src=x onerror=alert(27)>', required: true },
    { id: 'r', type: 'radio', label: '<b>pick</b>', options: [{ id: '"><script>', label: '<script>alert(28)</script>' }] },
  ],
};
