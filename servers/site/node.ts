import {type NodeServerOptions, type RunningServer, startNodeServer} from '../node-server';
import {type SiteAppOptions, createSiteApp} from './app';

export type SiteServerOptions = SiteAppOptions & Pick<NodeServerOptions, 'port' | 'host' | 'limits'>;

export type RunningSiteServer = RunningServer;

/** Serves the site app over Node's HTTP server; resolves once it is listening. */
export async function startSiteServer({port, host, limits, ...appOptions}: SiteServerOptions): Promise<RunningSiteServer> {
  const app = await createSiteApp(appOptions);
  return startNodeServer(app.fetch, {port, host, limits});
}
