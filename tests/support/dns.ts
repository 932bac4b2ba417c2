// A real DNS server inside the test (dns2, UDP and TCP on one loopback port): it answers A, AAAA
// and TXT questions from a table the test fills, NXDOMAIN for names it does not know, so the
// sending-domain check and DKIM verification read real DNS answers over the wire.
import { createServer, Packet, type Resource } from 'dns2';
import { freePort } from '../../scripts/lib/ports.js';

type RecordType = 'A' | 'AAAA' | 'TXT';
export type TestDnsServer = {
  /** "127.0.0.1:<port>", for a resolver's setServers. */
  server: string;
  /** Replaces the answers for a name and type (an empty list removes them). */
  set(name: string, type: RecordType, values: string[]): void;
  close(): Promise<void>;
};

/** A TXT value as DNS carries it: character-strings of at most 255 bytes. */
const chunks = (value: string) => value.match(/[\s\S]{1,255}/g) ?? [''];

export async function startTestDnsServer(): Promise<TestDnsServer> {
  const table = new Map<string, string[]>();
  const key = (name: string, type: string) => `${name.toLowerCase().replace(/\.$/, '')} ${type}`;
  const known = (name: string) => [...table.keys()].some((k) => k.startsWith(`${name.toLowerCase().replace(/\.$/, '')} `));
  const server = createServer({
    udp: true,
    tcp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [q] = request.questions;
      if (q) {
        const type = Packet.typeName(q.type);
        const values = table.get(key(q.name, type)) ?? [];
        for (const v of values) {
          response.answers.push({ name: q.name, type: q.type, class: Packet.CLASS.IN, ttl: 60, ...(type === 'TXT' ? { data: chunks(v) } : { address: v }) } as Resource);
        }
        // A name with no record of any type does not exist; one with other types answers empty.
        if (!known(q.name)) response.header.rcode = 3;
      }
      send(response);
    },
  });
  const port = await freePort();
  await server.listen({ udp: { port, address: '127.0.0.1' }, tcp: { port, address: '127.0.0.1' } });
  return {
    server: `127.0.0.1:${port}`,
    set(name, type, values) {
      if (values.length) table.set(key(name, type), values);
      else table.delete(key(name, type));
    },
    close: () => server.close(),
  };
}
