// The agent Web API's upload methods (seed 001 `send_file`, `upload_image`). Files go to the
// one file store (store-files.ts) that the customer's upload_file uses too; file-route.ts serves them.
import { agentChat } from './agent-access';
import { postEvent } from './agent-threads';
import type { HandlerTable, RequestContext } from './core';
import { imageSize } from './image-size';
import { ApiError, optString, reqString } from './protocol';
import type { Payload } from './protocol';
import { fileFields, saveFile } from './store-files';
import type { StoredFile } from './store';
import { uploadPart } from './upload-part';
import type { Upload } from './upload-part';

function save(ctx: RequestContext, part: Upload): StoredFile {
  return saveFile(ctx.core.store, { ...part, licenseId: ctx.licenseId, ownerId: ctx.userId });
}

function flag(payload: Payload, field: string): boolean {
  const v = optString(payload, field);
  if (v === undefined || v === 'false') return false;
  if (v === 'true') return true;
  throw new ApiError('validation', `\`payload.${field}\` must be "true" or "false"`);
}

/** The Web-only upload methods. @example dispatch(agentFileHandlers, ctx, 'send_file', { chat_id, file }); */
export const agentFileHandlers: HandlerTable = {
  send_file(ctx, payload) {
    const chat = agentChat(ctx, reqString(payload, 'chat_id'));
    const customId = optString(payload, 'custom_id');
    const requireActive = flag(payload, 'require_active_thread');
    const file = save(ctx, uploadPart(payload, 'file', 'payload.file'));
    const input: Payload = { type: 'file', ...fileFields(file), recipients: 'all', ...(customId !== undefined && { custom_id: customId }) };
    postEvent(ctx, chat, input, { requireActive });
    return { url: file.url };
  },

  upload_image(ctx, payload) {
    const part = uploadPart(payload, 'image', 'payload.image');
    if (!imageSize(part.data)) throw new ApiError('validation', '`payload.image` must be a png, jpeg or gif image');
    const image = save(ctx, part);
    return { url: image.url, path: image.path };
  },
};
