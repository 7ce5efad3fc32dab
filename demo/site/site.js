// Shared behaviour of the demo shop's pages. It talks to the chat only through the public
// `chatlet(...)` command queue, so it works whether it runs before or after the widget loads.
// A block keeps these names out of the global scope the page shares with other classic scripts.
{
  window.chatlet =
    window.chatlet ||
    function () {
      (window.chatlet.q = window.chatlet.q || []).push(arguments);
    };

  // "Ask a barista" buttons open the chat with a suggested first message in the composer.
  for (const button of document.querySelectorAll('[data-chat]')) {
    button.addEventListener('click', () => {
      const draft = button.getAttribute('data-chat');
      window.chatlet('maximize', draft ? { messageDraft: draft } : undefined);
    });
  }

  // The chat-language switcher: the server puts the chosen language on the script tag.
  const chosen = document.querySelector('script[data-locale]')?.getAttribute('data-locale');
  for (const link of document.querySelectorAll('.langs [data-lang]')) {
    if (link.getAttribute('data-lang') === chosen) link.setAttribute('aria-current', 'true');
  }

  // A pretend shopping bag, kept for the tab's lifetime so the pages feel like a shop.
  const count = Number(sessionStorage.getItem('bag') || 0);
  for (const out of document.querySelectorAll('[data-bag-count]')) out.textContent = String(count);
  const form = document.querySelector('[data-add-to-bag]');
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = Number(sessionStorage.getItem('bag') || 0) + 1;
    sessionStorage.setItem('bag', String(next));
    for (const out of document.querySelectorAll('[data-bag-count]')) out.textContent = String(next);
    form.querySelector('[data-bag-status]').textContent = `Added House Blend, ${data.get('size')}, ${data.get('grind')}.`;
  });
}
