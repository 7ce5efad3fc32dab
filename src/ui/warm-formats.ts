import { FORMATS } from './format-time';

/**
 * Prepares the browser's date formatting in a short-lived worker, off the main thread. The first
 * `Intl.DateTimeFormat` of a browser process builds ICU's locale tables, 30–50 ms of CPU in one
 * piece (110–250 ms at 4× slowdown): done here, the list's first time label on the main thread
 * costs about a millisecond instead of a long task. Where there are no workers, or the page's CSP
 * refuses `blob:` workers, nothing happens and the first label pays as before.
 */
export function warmFormats(): void {
  let url = '';
  try {
    url = URL.createObjectURL(
      new Blob([`for(const o of ${JSON.stringify(FORMATS)})new Intl.DateTimeFormat(void 0,o).format(0);postMessage(0)`], {
        type: 'text/javascript',
      }),
    );
    const worker = new Worker(url);
    // Revoked only once the worker has loaded it (a revoked URL can fail a worker still starting).
    worker.onmessage = worker.onerror = () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    };
  } catch {
    // No Worker, or a CSP that refuses it synchronously: formatting is prepared on first use instead.
    if (url) URL.revokeObjectURL(url);
  }
}
