import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Greeting } from '../../../src/protocol/types';
import { ConnectionBanner } from '../../../src/ui/ConnectionBanner';
import { GreetingBubble } from '../../../src/ui/GreetingBubble';
import { Header } from '../../../src/ui/Header';
import { HeaderMenu } from '../../../src/ui/HeaderMenu';
import { Launcher } from '../../../src/ui/Launcher';
import { OfflineNotice } from '../../../src/ui/OfflineNotice';
import { RatingPanel } from '../../../src/ui/RatingPanel';
import { reasonText } from '../../../src/ui/StopReason';
import { defaultStrings } from '../../../src/ui/later-strings';
import { StringsContext } from '../../../src/ui/strings';
import { TypingIndicator } from '../../../src/ui/TypingIndicator';
import { cleanup, click, inertProblems, key, mount, type } from './render';
import { loadParts } from '../../../src/ui/parts';

// The parts that load later (rich messages, files, the list…) are here before any test renders.
beforeAll(() => loadParts());

afterEach(cleanup);

const greeting: Greeting = {
  id: 342543723,
  unique_id: 'e35a4fb4106d87e550fe1af480639058',
  text: 'some message <script>x</script>',
  agent: { id: 'agent1@example.com', name: 'Bart', type: 'agent', avatar: 'cdn.livechatinc.com/avatars/1.png', job_title: 'Support Agent', is_bot: false },
  displayed_first_time: true,
};

describe('Launcher', () => {
  it('is a labelled button with the unread count and the agent avatar', () => {
    const onToggle = vi.fn();
    const { root } = mount(<Launcher open={false} unread={3} agent={greeting.agent} onToggle={onToggle} />);
    const b = root.querySelector('button')!;
    expect(b.getAttribute('aria-label')).toBe('Open chat, 3 unread');
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.badge')?.textContent).toBe('3');
    expect(root.querySelector('img.av')?.getAttribute('src')).toBe('https://cdn.livechatinc.com/avatars/1.png');
    click(b);
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it('reads "Minimize chat" when open and caps the badge', () => {
    const open = mount(<Launcher open unread={0} onToggle={vi.fn()} />).root;
    expect(open.querySelector('button')?.getAttribute('aria-label')).toBe('Minimize chat');
    expect(open.querySelector('.badge')).toBeNull();
    expect(mount(<Launcher open={false} unread={120} onToggle={vi.fn()} />).root.querySelector('.badge')?.textContent).toBe('99+');
  });
});

describe('GreetingBubble', () => {
  it('shows the agent and text, opens on reply and dismisses', () => {
    const onOpen = vi.fn();
    const onDismiss = vi.fn();
    const { root } = mount(<GreetingBubble greeting={greeting} onOpen={onOpen} onDismiss={onDismiss} />);
    expect(root.textContent).toContain('Bart');
    expect(root.textContent).toContain('some message <script>x</script>');
    expect(inertProblems(root)).toEqual([]);
    click(root.querySelector('button[aria-label=Dismiss]'));
    click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Reply'));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onOpen).toHaveBeenCalledOnce();
  });
});

describe('Header', () => {
  it('names the agent with job title, or the window title without one', () => {
    const onMinimize = vi.fn();
    const { root } = mount(<Header agent={greeting.agent} titleId="t" onMinimize={onMinimize} />);
    expect(root.querySelector('h2#t')?.textContent).toBe('Bart');
    expect(root.querySelector('.hdt p')?.textContent).toBe('Support Agent');
    click(root.querySelector('button[aria-label="Minimize chat"]'));
    expect(onMinimize).toHaveBeenCalledOnce();
    expect(mount(<Header agent={null} titleId="t2" onMinimize={vi.fn()} />).root.querySelector('h2')?.textContent).toBe('Chat with us');
  });
});

describe('HeaderMenu', () => {
  it('opens a menu whose checkbox item turns sound notifications off and on, and gives focus back to its button', () => {
    const onMute = vi.fn();
    const { root, rerender } = mount(<HeaderMenu muted={false} onMute={onMute} />);
    const button = root.querySelector<HTMLButtonElement>('button[aria-label="Chat options"]')!;
    expect([button.getAttribute('aria-haspopup'), button.getAttribute('aria-expanded'), root.querySelector('[role=menu]')]).toEqual(['menu', 'false', null]);
    click(button);
    const item = root.querySelector<HTMLElement>('[role=menu] [role=menuitemcheckbox]')!;
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(root.querySelector('[role=menu]')!.id);
    expect([item.textContent, item.getAttribute('aria-checked'), document.activeElement]).toEqual(['Sound notifications', 'true', item]);
    click(item);
    expect(onMute).toHaveBeenCalledWith(true);
    expect([root.querySelector('[role=menu]'), document.activeElement]).toEqual([null, button]);
    rerender(<HeaderMenu muted onMute={onMute} />);
    click(button);
    expect(root.querySelector('[role=menuitemcheckbox]')!.getAttribute('aria-checked')).toBe('false');
  });

  it('closes on Escape without it reaching the panel (which Escape minimizes)', () => {
    const onPanelKey = vi.fn();
    const { root } = mount(
      <div onKeyDown={onPanelKey}>
        <HeaderMenu muted={false} onMute={vi.fn()} />
      </div>,
    );
    const button = root.querySelector<HTMLButtonElement>('button')!;
    click(button);
    key(document.activeElement, 'Escape');
    expect([root.querySelector('[role=menu]'), document.activeElement, onPanelKey]).toEqual([null, button, onPanelKey]);
    expect(onPanelKey).not.toHaveBeenCalled();
  });

  it('sits in the header when given, before the minimize button', () => {
    const { root } = mount(<Header agent={null} titleId="t" onMinimize={vi.fn()} menu={<HeaderMenu muted={false} onMute={vi.fn()} />} />);
    expect([...root.querySelectorAll('header button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Chat options', 'Minimize chat']);
  });
});

describe('ConnectionBanner', () => {
  it('announces reconnecting and offline politely and says nothing when online', () => {
    expect(mount(<ConnectionBanner state="reconnecting" />).root.querySelector('[role=status]')?.textContent).toBe('Connection lost. Reconnecting…');
    expect(mount(<ConnectionBanner state="offline" />).root.textContent).toContain('You are offline');
    expect(mount(<ConnectionBanner state="online" />).root.innerHTML).toBe('');
  });

  it('says why the chat stopped, in plain words, with reconnect when possible', () => {
    const onReconnect = vi.fn();
    const { root } = mount(<ConnectionBanner state="closed" reason="inactivity_timeout" onReconnect={onReconnect} />);
    expect(root.querySelector('[role=alert]')?.textContent).toContain('You were away for a while.');
    click(root.querySelector('button'));
    expect(onReconnect).toHaveBeenCalledOnce();
    expect(reasonText(defaultStrings, 'customer_banned')).toBe('You cannot chat with us from this device.');
    expect(reasonText(defaultStrings, 'misdirected_connection')).toBe('Chat is not available on this website right now.');
    expect(reasonText(defaultStrings, 'something_new')).toBe('Chat is unavailable.');
    expect(reasonText(defaultStrings, 'toString')).toBe('Chat is unavailable.');
  });
});

describe('strings', () => {
  it('are overridable through StringsContext', () => {
    const strings = { ...defaultStrings, offlineTitle: 'Closed for lunch' };
    const { root } = mount(
      <StringsContext.Provider value={strings}>
        <OfflineNotice />
      </StringsContext.Provider>,
    );
    expect(root.textContent).toContain('Closed for lunch');
  });
});

describe('OfflineNotice', () => {
  it('invites a message, then says the left message waits for the team', () => {
    expect(mount(<OfflineNotice />).root.textContent).toContain(defaultStrings.offlineBody);
    expect(mount(<OfflineNotice left />).root.textContent).toContain(defaultStrings.offlineLeft);
  });
});

describe('TypingIndicator', () => {
  it('tells screen readers who is typing', () => {
    expect(mount(<TypingIndicator name="Bart" />).root.querySelector('[role=status]')?.textContent).toBe('Bart is typing');
  });
});

describe('RatingPanel', () => {
  it('rates good or bad with an optional comment, then thanks', () => {
    const onRate = vi.fn();
    const { root, rerender } = mount(<RatingPanel rated={false} onRate={onRate} />);
    expect(root.querySelector('legend')?.textContent).toBe('How was this chat?');
    expect(root.querySelector('textarea')).toBeNull();
    click(root.querySelector('input[value=bad]'));
    type(root.querySelector('textarea'), ' too slow ');
    click(root.querySelector('button[type=submit]'));
    expect(onRate).toHaveBeenCalledWith({ score: 0, comment: 'too slow' });
    rerender(<RatingPanel rated onRate={onRate} />);
    expect(root.textContent).toBe('Thank you for your feedback!');
  });
});
