import css from '../../styles/attach.css';
import { useContext } from 'preact/hooks';
import { canRetry } from '../chat/state/reduce-outbox';
import type { TimelineItem } from '../chat/state/timeline';
import type { FileEvent } from '../protocol/types';
import { fileSize } from './file-size';
import { Icon } from './Icon';
import { partStyles } from './part-styles';
import { useStore } from './store-context';
import { fmt, StringsContext, type Strings } from './strings';

partStyles(css);

/** What the visitor reads for a file that failed, by the error's type. */
const failure = (error: string | undefined, t: Strings, max: number): string =>
  error === 'file_too_large'
    ? fmt(t.fileTooLarge, { max: fileSize(max) })
    : error === 'file_empty'
      ? t.fileEmpty
      : error === 'file_missing'
        ? t.fileMissing
        : error === 'network_error'
          ? t.fileUnreachable
          : t.fileFailed;

/**
 * A file the visitor attached, until the server has it: its thumbnail (an image, from an object URL
 * the store keeps) or its name and size, then what it is doing. Waiting its turn, it can be removed;
 * uploading, a progress bar and Cancel; failed, why in plain words, Retry where trying again can
 * help, and Remove. Its name is only ever text.
 */
export function Attachment({ item }: { item: TimelineItem }) {
  const t = useContext(StringsContext);
  const { uploadProgress, previews, maxFileSize, actions } = useStore();
  const event = item.event as FileEvent;
  const id = item.customId!;
  const name = String(event.name || 'file');
  const progress = uploadProgress.value[id];
  const preview = previews.value[id];
  // The button pressed goes away with what it did: focus moves on to the message input, not to the page.
  const act = (run: () => unknown) => (e: { currentTarget: HTMLElement }) => {
    (e.currentTarget.getRootNode() as ParentNode).querySelector('textarea')?.focus();
    run();
  };
  const remove = (label: string, text: string) => (
    <button type="button" class="link" aria-label={fmt(label, { name })} onClick={act(() => actions.remove(id))}>
      {text}
    </button>
  );
  let status = null;
  if (item.status === 'failed') {
    status = (
      <p class="st fail" role="alert">
        {failure(item.error, t, maxFileSize)}{' '}
        {canRetry(item.error) && (
          <button type="button" class="link" aria-label={fmt(t.retryFile, { name })} onClick={act(() => actions.retry(id))}>
            {t.retry}
          </button>
        )}{' '}
        {remove(t.removeFile, t.remove)}
      </p>
    );
  } else if (progress !== undefined) {
    status = (
      <p class="st up">
        <progress max={100} value={Math.round(progress * 100)} aria-label={fmt(t.uploading, { name })} />
        {remove(t.cancelFile, t.cancel)}
      </p>
    );
  } else if (item.status === 'pending') {
    // Uploaded, its event on the way: as a message being sent. Not yet uploaded: waiting its turn.
    status = event.url ? (
      <p class="st">{t.sending}</p>
    ) : (
      <p class="st">
        {t.waiting} {remove(t.removeFile, t.remove)}
      </p>
    );
  }
  return (
    <>
      {preview ? (
        <img class="att pic" src={preview} alt={fmt(t.image, { name })} />
      ) : (
        <span class="bub att">
          <Icon name="file" />
          <span class="fname">{name}</span>
          <small>{fileSize(event.size)}</small>
        </span>
      )}
      {status}
    </>
  );
}
