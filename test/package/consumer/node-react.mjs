// Plain Node ESM, no bundler: `chatlet/react` with the React the project installed, rendered on the
// server. Prints one JSON line.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { ChatWidget, useWidgetState } from 'chatlet/react';

const State = () => h('pre', null, JSON.stringify(useWidgetState()));
const html = renderToString(h(ChatWidget, { licenseId: 12345, visibility: 'maximized' }, h(State)));
console.log(JSON.stringify({ html, window: typeof window }));
