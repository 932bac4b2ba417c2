// A TCP proxy that can hold traffic: put between a process and a service, it lets a drill freeze
// the calls in flight (a workflow start sent but not yet delivered) and kill the process right
// then, where a real crash only lands there by chance.
import { createServer, connect, type Socket } from 'node:net';
import { freePort } from '../../scripts/lib/ports.js';

export type TcpProxy = { address: string; hold(): void; release(): void; close(): Promise<void> };

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const cut = target.lastIndexOf(':');
  const [host, port] = [target.slice(0, cut), Number(target.slice(cut + 1))];
  const links = new Set<{ client: Socket; upstream: Socket; waiting: Buffer[] }>();
  let held = false;
  const server = createServer((client) => {
    const link = { client, upstream: connect(port, host), waiting: [] as Buffer[] };
    links.add(link);
    const end = () => {
      links.delete(link);
      client.destroy();
      link.upstream.destroy();
    };
    for (const s of [client, link.upstream]) s.on('error', end).on('close', end);
    // Only what the client sends is held: its requests stop reaching the service.
    client.on('data', (d: Buffer) => (held ? link.waiting.push(d) : link.upstream.write(d)));
    link.upstream.on('data', (d: Buffer) => client.write(d));
  });
  const listenPort = await freePort();
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${listenPort}`,
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      for (const l of links) for (const d of l.waiting.splice(0)) l.upstream.write(d);
    },
    close: async () => {
      for (const l of links) {
        l.client.destroy();
        l.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
