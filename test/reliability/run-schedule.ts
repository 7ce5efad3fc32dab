// Plays one fault schedule: a visitor sends while the faults happen, then both sides are read.
import type { ConnectionInfo } from '../../demo/sandbox/control';
import { memoryStorage } from '../unit/protocol/fake-storage';
import { mulberry32 } from './mulberry32';
import { schedule, textsOf, type Step } from './schedule';
import { agentReads, agentSays, startSite, type Site } from './site';
import { agentMessages, openVisitor, ownMessages, until, type Browser, type Visitor } from './visitor';

/** What one schedule ended with. */
export interface Outcome {
  seed: number;
  steps: Step[];
  /** The texts sent, in order. */
  sent: string[];
  /** The customer's messages as the agent reads them. */
  agent: string[];
  /** The visitor's messages as the widget shows them at the end (text and status). */
  visitor: string[];
  /** …and after one more reload. */
  reloaded: string[];
  /** Logins the visitor made, over every page load (each one resynced). */
  logins: number;
  /** The agent's messages: as sent, as the visitor saw them at the end, and after the reload. */
  answers: { sent: string[]; seen: string[]; reloaded: string[] };
}

const customers = (c: ConnectionInfo) => c.kind === 'customer';
const SENDS = ['start_chat', 'send_event', 'activate_chat'];
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Settled: everything sent is confirmed (nothing local left), everything answered shown, and the link is up. */
const settled = (v: Visitor, sent: number, answers: number) =>
  v.store.connectionState.value === 'online' &&
  v.store.state.value.outbox.length === 0 &&
  ownMessages(v.store).length >= sent &&
  agentMessages(v.store).length >= answers;

/** What a step acts on. */
interface Play {
  site: Site;
  browser: Browser;
  visitor(): Visitor;
  reload(): void;
  answered: string[];
}

async function play({ site, browser, visitor, reload, answered }: Play, step: Step): Promise<void> {
  const send = (text: string) => void visitor().store.actions.send(text);
  switch (step.kind) {
    case 'send':
      return send(step.text);
    case 'drop_before_request':
      site.control.drop(customers);
      return send(step.text);
    case 'drop_after_store':
      site.control.dropOnResponse(SENDS);
      return send(step.text);
    case 'reload_mid_send':
      send(step.text);
      if (step.reloadAfterMs) await sleep(step.reloadAfterMs);
      return reload();
    case 'drop_during_login':
      site.control.dropOnResponse('login');
      site.control.drop(customers);
      return;
    case 'duplicate_pushes':
      return site.control.duplicatePushes(step.times ?? 2);
    case 'reorder_pushes':
      return site.control.reorderPushes(true);
    case 'delay_frames':
      return site.control.delay(step.ms ?? 20);
    case 'half_open':
      site.control.halfOpen(customers);
      return;
    case 'restart':
      return site.restart();
    case 'calm':
      return site.control.reset();
    case 'agent_says':
      if (browser.entityId && (await agentSays(site.sandbox, browser.entityId, step.agentText))) answered.push(step.agentText);
      return;
    case 'wait':
      return sleep(step.ms);
  }
}

/**
 * Runs the schedule of `seed` on a sandbox of its own (so schedules can run side by side) and
 * reports what each side holds afterwards. Waits up to `settleMs` for the visitor to settle; a
 * schedule that never settles still reports what it saw.
 *
 * @example
 * const outcome = await runSchedule(17);
 * expect(outcome.agent).toEqual(outcome.sent);
 */
export async function runSchedule(seed: number, settleMs = 20_000): Promise<Outcome> {
  const steps = schedule(seed);
  const sent = textsOf(steps);
  const site = await startSite();
  const browser: Browser = { storage: memoryStorage() };
  const random = mulberry32(seed * 7919);
  let logins = 0;
  const open = () => {
    const v = openVisitor(site, browser, random);
    v.client.on('login', () => logins++);
    return v;
  };
  let current = open();
  const reload = () => {
    current.close();
    current = open();
  };
  const answered: string[] = [];
  const shown = () => ownMessages(current.store).map(([text, status]) => (status === 'sent' ? text : `${text} (${status})`));
  try {
    // The visitor is chatting when the trouble starts.
    await until(() => current.store.connectionState.value === 'online', settleMs);
    for (const step of steps) await play({ site, browser, visitor: () => current, reload, answered }, step);
    site.control.reset();
    await until(() => settled(current, sent.length, answered.length), settleMs);
    const visitor = shown();
    const seen = agentMessages(current.store);
    const agent = browser.entityId ? await agentReads(site.sandbox, browser.entityId) : [];
    reload();
    await until(() => settled(current, sent.length, answered.length), settleMs);
    const answers = { sent: answered, seen, reloaded: agentMessages(current.store) };
    return { seed, steps, sent, agent, visitor, reloaded: shown(), logins, answers };
  } finally {
    current.close();
    await site.close();
  }
}

/**
 * How far `seen` is from exactly `sent`, once each and in order: texts missing, extra copies, and
 * whether the order differs.
 *
 * @example
 * compare(['a', 'b'], ['b', 'a', 'a']); // { lost: 0, duplicated: 1, misordered: true }
 */
export function compare(sent: readonly string[], seen: readonly string[]) {
  const lost = sent.filter((t) => !seen.includes(t)).length;
  const duplicated = seen.length - new Set(seen).size;
  const firsts = seen.filter((t, i) => seen.indexOf(t) === i && sent.includes(t));
  const misordered = firsts.join('\n') !== sent.filter((t) => firsts.includes(t)).join('\n');
  return { lost, duplicated, misordered };
}
