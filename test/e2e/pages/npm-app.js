// An SPA that imports the widget from the npm package (bundled with esbuild, `chatlet` → dist/chatlet.mjs).
// The tests drive it through `window.harness`, which exists before any widget does.
import { createChatWidget } from 'chatlet';

const events = [
  'ready',
  'visibility_changed',
  'availability_changed',
  'new_event',
  'form_submitted',
  'rating_submitted',
  'rich_message_button_clicked',
  'unread_changed',
  'connection_changed',
];
const widgets = [];
const log = [];

window.harness = {
  log,
  /** Creates a widget; `target` may be a selector. Returns its index, or the error message. */
  create(config) {
    try {
      const target = config.target ? document.querySelector(config.target) : undefined;
      const widget = createChatWidget({ ...config, target });
      const index = widgets.push(widget) - 1;
      for (const name of events) widget.on(name, (payload) => log.push([index, name, payload]));
      return index;
    } catch (e) {
      return e.message;
    }
  },
  call(index, method, ...args) {
    return widgets[index][method](...args);
  },
};
