/**
 * `npm run serve`: the production build as a real host would serve it.
 * PORT (default 3000), HOST (default 127.0.0.1), BUILD_DIR (default ./build), SANDBOX_URL (optional),
 * CSP_EXTRA_ORIGINS (optional); the portal proxy at /portal-proxy reads the PROXY_* settings (servers/proxy/node.ts).
 */
import {resolve} from 'node:path';
import {SERVE_LIMITS, portFromEnv} from '../node-server';
import {createNodePortalProxy, proxyOptionsFromEnv} from '../proxy/node';
import {startSiteServer} from './node';
import {sandboxAnswers, sandboxNote} from './sandbox-note';
import {parseExtraOrigins} from './security-headers';

/** SANDBOX_URL as an origin, or a message naming the variable. */
function sandboxUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    throw new Error(`SANDBOX_URL must be the sandbox's address, like http://127.0.0.1:8092, not "${value}"`);
  }
  return new URL(value).origin;
}

async function main(): Promise<void> {
  const port = portFromEnv('PORT', process.env.PORT, 3000);
  if ('problem' in port) throw new Error(port.problem);
  const host = process.env.HOST ?? '127.0.0.1';
  const buildDir = resolve(process.env.BUILD_DIR ?? 'build');
  // SANDBOX_URL tells the try-it widget where the sandbox portal runs (its "Use the sandbox portal" button).
  const sandboxUrl = sandboxUrlFrom(process.env.SANDBOX_URL);
  const extraOrigins = parseExtraOrigins(process.env.CSP_EXTRA_ORIGINS);

  const portalProxy = createNodePortalProxy(proxyOptionsFromEnv(process.env));
  const server = await startSiteServer({buildDir, port: port.port, host, limits: SERVE_LIMITS, siteConfig: {sandboxUrl}, extraOrigins, portalProxy: portalProxy.fetch}).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`Port ${port.port} is already in use: set PORT to another port (PORT=3001 npm run serve)`);
    throw error;
  });
  console.log(`Site on ${server.url} (serving ${buildDir})`);
  console.log(sandboxNote(sandboxUrl, sandboxUrl !== undefined && (await sandboxAnswers(sandboxUrl))));

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
