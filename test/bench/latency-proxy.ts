// A slower network on loopback: a TCP proxy that holds every chunk for a while in each direction, so
// that the benches can put a round trip like a phone's between the browser and the sandbox.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** `host:port` of the proxy, on 127.0.0.1. */
  host: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 (an ephemeral port) and forwards each connection to `target` (`host:port`),
 * delaying every chunk by `oneWayMs` in each direction: a round trip of 2 × `oneWayMs` per exchange
 * (a TCP or WebSocket handshake, a request and its answer), in order.
 *
 * @example
 * const proxy = await latencyProxy(new URL(sandbox.url).host, 50);
 * const accountsUrl = `http://${proxy.host}`; // 100 ms round trips to the sandbox
 */
export async function latencyProxy(target: string, oneWayMs: number): Promise<LatencyProxy> {
  const [host, port] = target.split(':') as [string, string];
  const open = new Set<Socket>();
  const later = (fn: () => void) => setTimeout(fn, oneWayMs);
  const pipe = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => later(() => to.destroyed || to.write(chunk)));
    // Ended after what is still on its way (destroying would drop it), unless the link broke.
    from.on('end', () => later(() => to.end()));
    from.on('close', () => later(() => to.end()));
    from.on('error', () => later(() => to.destroy()));
  };
  const server = createServer((client) => {
    const upstream = connect(Number(port), host);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
