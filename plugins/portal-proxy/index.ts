import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Plugin} from '@docusaurus/types';
import {refusal} from '../../servers/proxy/handler';
import {isLoopbackHost} from '../../src/docspace/url';
import {createNodePortalProxy, proxyOptionsFromEnv, toNodeListener} from '../../servers/proxy/node';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const MOUNT = '/portal-proxy';

/** A loopback name or address with any port (`localhost:3000`, `[::1]:3000`): what a page on this machine is opened by. */
function isLoopbackHostHeader(host: string | undefined): boolean {
  return !!host && URL.canParse(`http://${host}`) && isLoopbackHost(new URL(`http://${host}`).hostname);
}

/**
 * The dev server's /portal-proxy middleware. It answers only for a loopback Host: a page on another
 * name that resolves here (DNS rebinding) or the dev server opened from the network gets a refusal.
 * Loopback targets are allowed for the sandbox's own origin only (SANDBOX_URL, which `npm start`
 * sets), not for every local port; PROXY_ALLOWED_HOSTS and the other PROXY_* settings still apply.
 */
export function createDevProxyMiddleware(env: NodeJS.ProcessEnv): Middleware {
  const sandboxOrigin = env.SANDBOX_URL && URL.canParse(env.SANDBOX_URL) ? new URL(env.SANDBOX_URL).origin : undefined;
  const listener = toNodeListener(
    createNodePortalProxy({...proxyOptionsFromEnv(env), allowLoopback: sandboxOrigin !== undefined, loopbackOrigins: sandboxOrigin ? [sandboxOrigin] : []}),
  );
  return (req, res, next) => {
    const path = req.url ?? '';
    if (!(path === MOUNT || path.startsWith(`${MOUNT}/`) || path.startsWith(`${MOUNT}?`))) return next();
    if (isLoopbackHostHeader(req.headers.host)) return void listener(req, res);
    const refused = refusal(403, 'cross-site-request', 'The development proxy answers pages opened on localhost only');
    refused.headers.forEach((value, name) => res.setHeader(name, value));
    res.statusCode = refused.status;
    void refused.text().then((body) => res.end(body));
  };
}

/**
 * Serves the portal proxy at /portal-proxy in `docusaurus start`, so the try-it widget's proxy
 * route works in development as it does under `npm run serve`. Production builds are untouched.
 */
export default function portalProxyPlugin(): Plugin {
  return {
    name: 'portal-proxy',
    configureWebpack(config, isServer) {
      if (isServer || config.mode !== 'development') return {};
      const devServer = {
        setupMiddlewares(middlewares: unknown[]): unknown[] {
          // First, before the dev server's static files, history fallback and `Access-Control-Allow-Origin: *`.
          middlewares.unshift(createDevProxyMiddleware(process.env));
          // Docusaurus merges this setupMiddlewares with its own by calling both and concatenating
          // what they return (webpack-merge); the shared array, edited in place, already holds ours.
          return [];
        },
      };
      return {devServer} as ReturnType<NonNullable<Plugin['configureWebpack']>>;
    },
  };
}
