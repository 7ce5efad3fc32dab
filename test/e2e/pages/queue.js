// The queue snippet of DESIGN §2, calls made before the script loads, then the script itself.
window.chatlet = window.chatlet || function () { (chatlet.q = chatlet.q || []).push(arguments); };
window.seen = [];
chatlet('on', 'visibility_changed', function (e) { seen.push(['visibility_changed', e.visibility]); });
chatlet('on', 'ready', function (e) { seen.push(['ready', e.state.visibility]); });
chatlet('init', { licenseId: 12345, apiUrl: '{{WS}}', accountsUrl: '{{HTTP}}' });
chatlet('set_customer_name', 'Queued Ann');
chatlet('set_session_variables', { plan: 'pro' });
chatlet('no_such_command');
var script = document.createElement('script');
script.async = true;
script.src = '/dist/chatlet.js';
document.head.appendChild(script);
