import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Plugin} from '@docusaurus/types';
import {createNodePortalProxy, proxyOptionsFromEnv, toNodeListener} from '../../servers/proxy/node';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const MOUNT = '/portal-proxy';

/**
 * Serves the portal proxy at /portal-proxy in `docusaurus start`, so the try-it widget's proxy
 * route works in development as it does under `npm run serve`. Loopback targets are allowed here
 * (the local sandbox); PROXY_ALLOWED_HOSTS still applies. Production builds are untouched.
 */
export default function portalProxyPlugin(): Plugin {
  return {
    name: 'portal-proxy',
    configureWebpack(config, isServer) {
      if (isServer || config.mode !== 'development') return {};
      const devServer = {
        setupMiddlewares(middlewares: unknown[]): unknown[] {
          const listener = toNodeListener(createNodePortalProxy({...proxyOptionsFromEnv(process.env), allowLoopback: true}));
          const proxyMiddleware: Middleware = (req, res, next) => {
            const path = req.url ?? '';
            if (path === MOUNT || path.startsWith(`${MOUNT}/`) || path.startsWith(`${MOUNT}?`)) void listener(req, res);
            else next();
          };
          // First, before the dev server's static files, history fallback and `Access-Control-Allow-Origin: *`.
          middlewares.unshift(proxyMiddleware);
          // Docusaurus merges this setupMiddlewares with its own by calling both and concatenating
          // what they return (webpack-merge); the shared array, edited in place, already holds ours.
          return [];
        },
      };
      return {devServer} as ReturnType<NonNullable<Plugin['configureWebpack']>>;
    },
  };
}
