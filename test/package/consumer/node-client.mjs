// Plain Node ESM, no bundler and no TypeScript: `chatlet/client` over `ws`, logged in to the sandbox
// whose URLs are the arguments. Prints one JSON line.
import { WebSocket } from 'ws';
import { API_VERSION, createCustomerClient } from 'chatlet/client';

const [apiUrl, accountsUrl] = process.argv.slice(2);
const client = createCustomerClient({ licenseId: 12345, apiUrl, accountsUrl, WebSocket, storage: null, environment: null, customer: { name: 'Node' } });
const login = await client.connect();
console.log(JSON.stringify({ apiVersion: API_VERSION, state: client.state, customerId: login.customer_id }));
client.close();
