import { createWidget } from './create-widget';
import { launcherKit } from './launcher-kit';
import { localeChunks } from './locale-chunks';
import type { ChatWidget, ChatWidgetConfig } from './types';

/**
 * Puts a chat widget on the page. With a config it starts at once (and throws a `TypeError` naming
 * the first bad option); without one it waits for `init(config)`. The chat itself (Preact, the
 * client, the UI) loads on the visitor's intent from `./chatlet-app.mjs`, which bundlers split out,
 * and with it a built-in locale other than English from its own chunk (`./chatlet-locale-de.mjs`).
 * Several widgets with different licenses or groups can share a page.
 *
 * @example
 * import { createChatWidget } from 'chatlet';
 * const widget = createChatWidget({ licenseId: 12345, groupId: 1 });
 * const off = widget.on('new_event', (e) => console.log(e.author.type, e.type));
 * // on route unmount:
 * off();
 * widget.destroy();
 */
export function createChatWidget(config?: ChatWidgetConfig): ChatWidget {
  // The app starts a task after its chunk was evaluated, not in the same long task (the chunk's
  // `nextTask`: this entry does not bundle its own).
  const widget = createWidget(
    () => import('./start-app').then(async (app) => (await app.nextTask(), app)),
    launcherKit,
    config,
    false,
    (locale) => localeChunks[locale as keyof typeof localeChunks](),
  );
  if (config) widget.init();
  return widget;
}
