// What the local stand-ins for third-party services (Google, Microsoft Graph) share: a real HTTP
// server on loopback, a log of the requests they answered by endpoint, and faults queued per
// endpoint (an error status, an answer lost after the work is done, a connection cut before
// anything is done) that a test arms.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRequest = { method: string; path: string; endpoint: string; /** The account the access token belongs to. */ account?: string | undefined };
/** A request matched to its endpoint, with the id the path names (a message, an event), if any. */
export type Route = { endpoint: string; id: string | undefined };
export type RouteTable = ReadonlyArray<[method: string, pattern: RegExp, endpoint: string]>;
export type Fault = { status: number } | { drop: true } | { cut: true };

export abstract class FakeService {
  readonly requests: FakeRequest[] = [];
  private readonly faults = new Map<string, Fault[]>();
  /** The server's base URL, with a trailing slash, once started. */
  protected url = '';
  private readonly server = createServer((req, res) => void this.handle(req, res));

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls to an endpoint answer `status`. */
  fail(endpoint: string, status: number, times = 1): void {
    this.queueFault(endpoint, { status }, times);
  }

  /** The next `times` calls to an endpoint are carried out, then the connection drops before the answer. */
  dropResponse(endpoint: string, times = 1): void {
    this.queueFault(endpoint, { drop: true }, times);
  }

  /** The next `times` calls to an endpoint lose their connection before anything is done. */
  cutConnection(endpoint: string, times = 1): void {
    this.queueFault(endpoint, { cut: true }, times);
  }

  count(endpoint: string): number {
    return this.requests.filter((r) => r.endpoint === endpoint).length;
  }

  /** The fault armed for this call of the endpoint, if any (each is used once). */
  protected takeFault(endpoint: string): Fault | undefined {
    return this.faults.get(endpoint)?.shift();
  }

  private queueFault(endpoint: string, fault: Fault, times: number) {
    const list = this.faults.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(endpoint, list);
  }
}

/** The endpoint a request is for, from a fake's table of routes (the first match wins). */
export function routeOf(routes: RouteTable, method: string, path: string): Route | null {
  for (const [m, pattern, endpoint] of routes) {
    const match = m === method ? pattern.exec(path) : null;
    if (match) return { endpoint, id: match[1] ? decodeURIComponent(match[1]) : undefined };
  }
  return null;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A JSON object body, or null when the body is not one (the fakes answer 400 then, as the providers do). */
export function jsonObjectOf(body: Buffer): Record<string, unknown> | null {
  try {
    const v = JSON.parse(body.toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
