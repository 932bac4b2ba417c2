// Serves the app over HTTP and closes it gracefully.
import { serve, type ServerType } from '@hono/node-server';
import type { RelanceApp } from './app.js';

export type RunningServer = { url: string; port: number; close: () => Promise<void> };

export function startHttpServer(app: RelanceApp, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server!.close(() => done());
            // Keep-alive sockets would hold close() open; drop idle ones now.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
