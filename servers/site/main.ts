/**
 * `npm run serve`: the production build as a real host would serve it.
 * PORT (default 3000), HOST (default 127.0.0.1), BUILD_DIR (default ./build), SANDBOX_URL (optional);
 * the portal proxy at /portal-proxy reads PROXY_ALLOW_LOOPBACK=1 and PROXY_ALLOWED_HOSTS (servers/proxy).
 */
import {resolve} from 'node:path';
import {createNodePortalProxy, proxyOptionsFromEnv} from '../proxy/node';
import {startSiteServer} from './node';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = resolve(process.env.BUILD_DIR ?? 'build');

  const portalProxy = createNodePortalProxy(proxyOptionsFromEnv(process.env));
  // SANDBOX_URL tells the try-it widget where the sandbox portal runs (its "Use the sandbox portal" button).
  const siteConfig = {sandboxUrl: process.env.SANDBOX_URL || undefined};
  const server = await startSiteServer({buildDir, port, host, siteConfig, portalProxy});
  console.log(`Site on ${server.url} (serving ${buildDir})`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => portalProxy.close()).then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
