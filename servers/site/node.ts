import {type NodeServerOptions, type RunningServer, startNodeServer} from '../node-server';
import {type SiteAppOptions, createSiteApp} from './app';

export type SiteServerOptions = SiteAppOptions & Pick<NodeServerOptions, 'port' | 'host' | 'limits'>;

export type RunningSiteServer = RunningServer;

/** Serves the site app over Node's HTTP server; resolves once it is listening. */
export async function startSiteServer({port, host, limits, ...appOptions}: SiteServerOptions): Promise<RunningSiteServer> {
  const site = await createSiteApp(appOptions);
  const server = await startNodeServer(site.app.fetch, {port, host, limits}).catch(async (error: unknown) => {
    await site.close();
    throw error;
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await site.close();
    },
  };
}
