// The queue snippet, as a site owner would paste it: calls made before the widget's script has
// loaded are queued on `chatlet.q` and replayed in order once it has. This file must run before
// the async script tag, so it is a plain (blocking) script in <head>; the log below fills in once
// the DOM is ready.
// A block keeps these names out of the global scope the page shares with other classic scripts.
{
  window.chatlet =
    window.chatlet ||
    function () {
      (window.chatlet.q = window.chatlet.q || []).push(arguments);
    };

  const pending = [];
  const log = (text) => {
    const list = document.querySelector('[data-chat-log]');
    if (!list) return pending.push(text);
    list.querySelector('.empty')?.remove();
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
    list.append(item);
    list.scrollTop = list.scrollHeight;
  };
  document.addEventListener('DOMContentLoaded', () => pending.splice(0).forEach(log));

  window.chatlet('on', 'ready', ({ state }) => log(`ready: ${state.availability}, ${state.visibility}`));
  window.chatlet('on', 'new_event', (event) => log(`new_event: ${event.type} from ${event.author.type}`));
  window.chatlet('on', 'form_submitted', ({ type }) => log(`form_submitted: ${type}`));
  window.chatlet('on', 'rating_submitted', (rating) => log(`rating_submitted: ${rating}`));
  window.chatlet('on', 'rich_message_button_clicked', ({ postbackId }) => log(`rich_message_button_clicked: ${postbackId}`));
}
