// The launcher's code that both the eager script tag and the widget use. The script tag hands its own
// copy to the lazily loaded widget (`createScriptWidget(script, focused, launcherKit)`), so that
// chunk does not bundle a second one (~540 B gzip); the npm entry passes the same functions. A tuple,
// not an object: the eager script's budget has no room for property names.
import { drawLauncher } from './draw-launcher';
import { ongoingChat } from './ongoing-chat';
import { themeCss } from './theme-css';
import { createWidgetHost } from './widget-host';

/** The functions the widget draws its host and launcher with, and finds an ongoing chat with. */
export type LauncherKit = readonly [
  createWidgetHost: typeof createWidgetHost,
  drawLauncher: typeof drawLauncher,
  themeCss: typeof themeCss,
  ongoingChat: typeof ongoingChat,
];

/** The launcher kit, for `createWidget` (the npm entry) and for the script tag to hand over. */
export const launcherKit: LauncherKit = [createWidgetHost, drawLauncher, themeCss, ongoingChat];
