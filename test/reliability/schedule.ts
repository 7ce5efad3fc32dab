// Fault schedules for the randomized suite: a seed picks the messages and the faults between them.
import { between, mulberry32 } from './mulberry32';

/** A fault that comes with the visitor's next message. */
export type SendFault =
  /** No fault: the message is just sent. */
  | 'send'
  /** The server drops the socket; the message is sent before the visitor notices. */
  | 'drop_before_request'
  /** The server stores the message, then drops the socket instead of answering (the hard case). */
  | 'drop_after_store'
  /** The page reloads right after the message was handed to the socket (or a few ms later). */
  | 'reload_mid_send';

/** A fault on its own, between messages. */
export type Fault =
  /** The server handles the next login, then drops the socket instead of answering; the link drops now. */
  | 'drop_during_login'
  /** Every push arrives 2–3 times. */
  | 'duplicate_pushes'
  /** Pushes queued together arrive in reverse order. */
  | 'reorder_pushes'
  /** Every frame from the server is late by 5–80 ms. */
  | 'delay_frames'
  /** The server keeps the socket and handles requests but sends nothing more. */
  | 'half_open'
  /** The sandbox restarts on the same port with its state. */
  | 'restart'
  /** Faults off. */
  | 'calm';

/** One step of a schedule. */
export type Step =
  | { kind: SendFault; text: string; reloadAfterMs?: number }
  | { kind: Fault; times?: number; ms?: number }
  /** The agent writes (once the chat exists), whatever state the visitor's link is in. */
  | { kind: 'agent_says'; agentText: string }
  | { kind: 'wait'; ms: number };

const SEND_FAULTS: SendFault[] = ['send', 'send', 'drop_before_request', 'drop_after_store', 'reload_mid_send'];
const FAULTS: Fault[] = ['drop_during_login', 'duplicate_pushes', 'reorder_pushes', 'delay_frames', 'half_open', 'restart', 'calm'];

/**
 * The schedule of `seed`: 3–5 messages, each with a fault or none, faults in between half of the
 * time, short pauses so faults land at different moments of a send, and now and then an answer
 * from the agent.
 *
 * @example
 * schedule(7); // [{ kind: 'half_open' }, { kind: 'send', text: 's7-1' }, { kind: 'wait', ms: 12 }, …]
 */
export function schedule(seed: number): Step[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const steps: Step[] = [];
  const messages = between(random, 3, 5);
  for (let i = 1; i <= messages; i++) {
    if (random() < 0.5) {
      const kind = pick(FAULTS);
      if (kind === 'duplicate_pushes') steps.push({ kind, times: between(random, 2, 3) });
      else if (kind === 'delay_frames') steps.push({ kind, ms: between(random, 5, 80) });
      else steps.push({ kind });
    }
    const kind = pick(SEND_FAULTS);
    const text = `s${seed}-${i}`;
    steps.push(kind === 'reload_mid_send' ? { kind, text, reloadAfterMs: pick([0, 0, 5, 20]) } : { kind, text });
    if (random() < 0.6) steps.push({ kind: 'wait', ms: between(random, 0, 60) });
    if (random() < 0.4) steps.push({ kind: 'agent_says', agentText: `a${seed}-${i}` });
  }
  return steps;
}

/**
 * The texts a schedule sends, in order.
 *
 * @example
 * textsOf(schedule(7)); // ['s7-1', 's7-2', 's7-3']
 */
export function textsOf(steps: readonly Step[]): string[] {
  return steps.flatMap((s) => ('text' in s && s.text !== undefined ? [s.text] : []));
}
