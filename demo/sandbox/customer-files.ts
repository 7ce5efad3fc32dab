// Files in the customer API (protocol-notes §2, §9): `upload_file` over the customer Web API
// keeps the file in the one file store, and a `file` event the customer then sends with its
// `url` gets the file's fields from the server. A URL that is not one of the customer's own
// uploads is refused, so a customer cannot pass off someone else's file or any outside link.
import type { HandlerTable, RequestContext } from './core';
import { ApiError } from './protocol';
import type { Payload } from './protocol';
import { getCustomer } from './store';
import { fileFields, findFile, saveFile } from './store-files';
import { uploadPart } from './upload-part';

/**
 * The customer Web API's handler table (its only method is `upload_file`).
 * @example
 * dispatch(customerWebHandlers, ctx, 'upload_file', { file: { name, contentType, data, origin } }); // → {url}
 */
export const customerWebHandlers: HandlerTable = {
  upload_file(ctx, payload) {
    const customer = getCustomer(ctx.core.store, ctx.licenseId, ctx.userId);
    // A banned customer cannot log in; its token must not keep filling the store either.
    if (customer?.bannedUntil !== undefined && ctx.core.store.now() < customer.bannedUntil) throw new ApiError('customer_banned', 'this customer is banned');
    const part = uploadPart(payload, 'file');
    return { url: saveFile(ctx.core.store, { ...part, licenseId: ctx.licenseId, ownerId: ctx.userId }).url };
  },
};

/**
 * A validated event a customer sends, with a `file` event's `name`, `content_type`, `size` (and an
 * image's `width`, `height` and thumbnails) set from the upload its `url` names; what the customer
 * wrote in those fields is replaced. Other events pass through.
 * @example
 * const input = uploadedFileEvent(ctx, validateEvent(payload.event, 'event', 'customer'), 'event');
 */
export function uploadedFileEvent(ctx: RequestContext, input: Payload, field: string): Payload {
  if (input.type !== 'file') return input;
  const file = findFile(ctx.core.store, input.url);
  if (!file || file.licenseId !== ctx.licenseId || file.ownerId !== ctx.userId) {
    throw new ApiError('validation', `\`${field}.url\` is not a file you uploaded: send the \`url\` that upload_file answered`);
  }
  return { ...input, ...fileFields(file) };
}
