// The lazily loaded side of the script tag (`dist/chatlet-embed.mjs`, the app bundled in): the eager
// script hands its recorded commands to the widget made here once the visitor shows intent.
import { nextTask } from '../ui/next-task';
import { createWidget } from './create-widget';
import type { LauncherKit } from './launcher-kit';
import { readScriptConfig } from './read-script-config';
import { scriptCommands, type ScriptCommand } from './script-commands';
import { joinTabs, startApp } from './start-app';

/**
 * A widget whose config defaults to the script tag's `data-*` attributes and its nonce (each
 * `init(config)` is merged over them), given the `calls` the page made so far, and then told to
 * load: returns what runs each later command. `focused`: the script's launcher had keyboard focus,
 * so the chat takes it when it starts. `kit`: the script's own launcher code, which this chunk leaves out.
 */
export function createScriptWidget(script: HTMLScriptElement, focused: boolean, kit: LauncherKit, calls: [string, unknown[]][]): ScriptCommand {
  // The `<style>` fallback needs the page's nonce. Browsers hide the attribute; the property keeps it.
  const config = { ...readScriptConfig(script.dataset), ...(script.nonce && { nonce: script.nonce }) };
  // The app starts a task after this chunk was evaluated, not in the same long task.
  // A locale's chunk is next to this one: the eager script has requested it already (same URL).
  const widget = createWidget(() => nextTask().then(() => ({ startApp, joinTabs })), kit, config, focused, (locale) =>
    import(new URL(`chatlet-locale-${locale}.mjs`, script.src).href),
  );
  const command = scriptCommands(widget);
  for (const [name, args] of calls) command(name, args);
  widget.preload();
  return command;
}
