// Validation of events users send (start_chat/activate_chat initial events, send_event), for
// both sides. Returns a clean event input without server fields, ready for addEvent.
import { ApiError, checkTextSize, isObject, optArray, optObject, optString, reqArray, reqString } from './protocol';
import type { Payload } from './protocol';
import { wrapProperties } from './store-props';

/** Who sends the event: annotations are agent-only (v3.0). */
export type EventAuthor = 'customer' | 'agent';

const MAX_ELEMENTS = 10;
const MAX_BUTTONS = 11;

function richElements(event: Payload, field: string): Payload[] {
  const elements = optArray(event, `${field}.elements`) ?? [];
  if (elements.length > MAX_ELEMENTS) throw new ApiError('validation', `\`${field}.elements\` may hold at most ${MAX_ELEMENTS} elements`);
  return elements.map((el, i) => {
    const path = `${field}.elements[${i}]`;
    if (!isObject(el)) throw new ApiError('validation', `\`${path}\` must be an object`);
    optString(el, `${path}.title`);
    optString(el, `${path}.subtitle`);
    const image = optObject(el, `${path}.image`);
    if (image) reqString(image, `${path}.image.url`);
    const buttons = optArray(el, `${path}.buttons`);
    if (!buttons) return structuredClone(el);
    if (buttons.length > MAX_BUTTONS) throw new ApiError('validation', `\`${path}.buttons\` may hold at most ${MAX_BUTTONS} buttons`);
    return {
      ...structuredClone(el),
      buttons: buttons.map((b, j) => {
        if (!isObject(b)) throw new ApiError('validation', `\`${path}.buttons[${j}]\` must be an object`);
        optString(b, `${path}.buttons[${j}].text`);
        optString(b, `${path}.buttons[${j}].postback_id`);
        // Who clicked is server state: it starts empty whatever the sender wrote.
        return { ...structuredClone(b), user_ids: [] };
      }),
    };
  });
}

function typeFields(event: Payload, type: string, field: string, author: EventAuthor): Payload {
  switch (type) {
    case 'message': {
      const text = checkTextSize(reqString(event, `${field}.text`), `${field}.text`);
      const postback = optObject(event, `${field}.postback`);
      return { text, ...(postback && { postback: structuredClone(postback) }) };
    }
    // The seed's start_chat sample sends a system_message among the initial events, so it is accepted.
    case 'system_message':
      return { text: checkTextSize(reqString(event, `${field}.text`), `${field}.text`), system_message_type: optString(event, `${field}.system_message_type`) ?? 'custom' };
    case 'file':
      return pick(event, ['name', 'content_type', 'size', 'width', 'height', 'thumbnail_url', 'thumbnail2x_url'], { url: reqString(event, `${field}.url`) });
    case 'filled_form': {
      const fields = reqArray(event, `${field}.fields`);
      fields.forEach((f, i) => {
        if (!isObject(f)) throw new ApiError('validation', `\`${field}.fields[${i}]\` must be an object`);
        reqString(f, `${field}.fields[${i}].type`);
      });
      return { form_id: reqString(event, `${field}.form_id`), fields: structuredClone(fields) };
    }
    case 'rich_message':
      return { template_id: reqString(event, `${field}.template_id`), elements: richElements(event, field) };
    case 'custom':
      if (event.content === undefined || event.content === null) throw new ApiError('validation', `\`${field}.content\` is required`);
      return { content: structuredClone(event.content) };
    case 'annotation':
      if (author !== 'agent') break;
      return { text: reqString(event, `${field}.text`), annotation_type: optString(event, `${field}.annotation_type`) ?? '' };
  }
  throw new ApiError('validation', `\`${field}.type\` \`${type}\` is not an event type a ${author} can send`);
}

function pick(event: Payload, keys: string[], base: Payload): Payload {
  const out: Payload = { ...base };
  for (const k of keys) if (event[k] !== undefined && event[k] !== null) out[k] = event[k];
  return out;
}

/**
 * Validates one event a user sends and returns it without server-set fields (`id`, `order`,
 * `timestamp`, `created_at`, `author_id`); `properties` come back wrapped.
 * @example
 * const input = validateEvent(payload.event, 'event', 'customer');
 * const event = addEvent(store, thread, customerId, input);
 */
export function validateEvent(raw: unknown, field: string, author: EventAuthor): Payload {
  if (!isObject(raw)) throw new ApiError('validation', `\`${field}\` must be an object`);
  const type = reqString(raw, `${field}.type`);
  const recipients = optString(raw, `${field}.recipients`) ?? 'all';
  if (recipients !== 'all' && recipients !== 'agents') throw new ApiError('validation', `\`${field}.recipients\` must be "all" or "agents"`);
  const customId = optString(raw, `${field}.custom_id`);
  const properties = optObject(raw, `${field}.properties`);
  return {
    type,
    ...typeFields(raw, type, field, author),
    recipients,
    ...(customId !== undefined && { custom_id: customId }),
    ...(properties && { properties: wrapProperties(properties, `${field}.properties`) }),
  };
}

/**
 * Validates a list of initial events (`chat.thread.events`).
 * @example
 * const inputs = validateEvents(optArray(thread, 'chat.thread.events') ?? [], 'chat.thread.events', 'customer');
 */
export function validateEvents(raw: unknown[], field: string, author: EventAuthor): Payload[] {
  return raw.map((e, i) => validateEvent(e, `${field}[${i}]`, author));
}
