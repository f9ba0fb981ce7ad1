import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import {type SiteAppOptions, createSiteApp} from './app';

export interface SiteServerOptions extends SiteAppOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningSiteServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the site app over Node's HTTP server; resolves once it is listening. */
export async function startSiteServer({port = 0, host = '127.0.0.1', ...appOptions}: SiteServerOptions): Promise<RunningSiteServer> {
  const app = await createSiteApp(appOptions);
  return new Promise((resolve, reject) => {
    const server = serve({fetch: app.fetch, port, hostname: host}, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
