// A minimal client-side router: links push a history entry, back/forward restore the page, and the
// title follows a moment later, as it does with real routers.
var titles = { '/spa.html': 'Home', '/pricing': 'Pricing', '/docs/start': 'Docs' };
function show() {
  var title = titles[location.pathname];
  document.querySelector('h1').textContent = title;
  setTimeout(function () { document.title = title; }, 20);
}
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a[data-title]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  show();
});
window.addEventListener('popstate', show);
