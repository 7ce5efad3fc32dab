// The script tag's commands (`chatlet('set_customer_name', 'Ann')`), run on a loaded widget. The
// eager script records every call until the chat loads and replays them here, so a wrong command
// name is reported then: checking names on the page would cost the eager script its list.
import { logError } from './log-error';
import type { ChatWidget } from './types';

// Command names are the widget's method names in snake case (set_customer_name → setCustomerName).
const commands =
  'init maximize minimize hide on off get set_customer_name set_customer_email set_session_variables update_page destroy'.split(' ');

/** Runs one command on a widget. Errors, from an unknown name to a bad config, are logged, never thrown. */
export type ScriptCommand = (name: string, args: unknown[]) => unknown;

/**
 * The command runner for `widget`: what `chatlet(name, ...args)` does once the chat has loaded, and
 * how the calls recorded before are replayed.
 */
export function scriptCommands(widget: ChatWidget): ScriptCommand {
  return (name, args) => {
    if (!commands.includes(name)) return logError(`unknown command "${name}"; commands: ${commands.join(', ')}`);
    try {
      return (widget as any)[name.replace(/_(.)/g, (_, c: string) => c.toUpperCase())](...args);
    } catch (e) {
      console.error((e as Error).message);
    }
  };
}
