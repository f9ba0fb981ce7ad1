import {RequestError, type HttpBindings, getRequestListener} from '@hono/node-server';
import {getConnInfo} from '@hono/node-server/conninfo';
import {type Context, Hono} from 'hono';
import {type NodeServerOptions, type RunningServer, startNodeServer} from '../node-server';
import {parseTrustHops} from './client-ip';
import {type PortalProxyOptions, type ProxyRequestContext, createPortalProxy, refusal} from './handler';
import {type Resolver, createNodeUpstream} from './node-upstream';
import {createRedisRateLimitStore} from './redis-store';
import {parseAllowedHosts, parseAllowedPorts} from './target';

/** The proxy on Node: the fetch handler with the undici upstream. */
interface NodePortalProxy {
  fetch(request: Request, context?: ProxyRequestContext): Promise<Response>;
  /** Closes the upstream's pooled connections and the rate-limit store's. */
  close(): Promise<void>;
}

export interface NodePortalProxyOptions extends Omit<PortalProxyOptions, 'upstream'> {
  /** Injected resolver (tests); default: the system resolver. */
  resolve?: Resolver;
}

type ProxyEnvOptions = Pick<NodePortalProxyOptions, 'allowLoopback' | 'allowedHosts' | 'allowedPorts' | 'trustHops' | 'siteOrigin' | 'rateLimitStore'>;

/**
 * Operator settings: PROXY_ALLOW_LOOPBACK=1, PROXY_ALLOWED_HOSTS=`*.onlyoffice.com,docspace.example.org`,
 * PROXY_ALLOWED_PORTS=`443,8443`, PROXY_TRUST_HOPS=1, PROXY_SITE_ORIGIN=`https://docs.example.org`,
 * PROXY_REDIS_URL=`redis://127.0.0.1:6379` (counts shared by every instance; default: in memory).
 * Throws with a message naming the variable when one is malformed.
 */
export function proxyOptionsFromEnv(env: NodeJS.ProcessEnv): ProxyEnvOptions {
  const options: ProxyEnvOptions = {
    allowLoopback: env.PROXY_ALLOW_LOOPBACK === '1',
    allowedHosts: parseAllowedHosts(env.PROXY_ALLOWED_HOSTS),
    allowedPorts: parseAllowedPorts(env.PROXY_ALLOWED_PORTS),
    trustHops: parseTrustHops(env.PROXY_TRUST_HOPS),
  };
  if (env.PROXY_SITE_ORIGIN) {
    const url = URL.canParse(env.PROXY_SITE_ORIGIN) ? new URL(env.PROXY_SITE_ORIGIN) : undefined;
    if (!url || url.origin !== env.PROXY_SITE_ORIGIN.replace(/\/$/, '')) {
      throw new Error(`PROXY_SITE_ORIGIN must be the site's origin, like https://docs.example.org, not "${env.PROXY_SITE_ORIGIN}"`);
    }
    options.siteOrigin = url.origin;
  }
  if (env.PROXY_REDIS_URL) options.rateLimitStore = createRedisRateLimitStore({url: env.PROXY_REDIS_URL});
  return options;
}

export function createNodePortalProxy({resolve, ...options}: NodePortalProxyOptions): NodePortalProxy {
  const upstream = createNodeUpstream({allowLoopback: options.allowLoopback ?? false, loopbackOrigins: options.loopbackOrigins, resolve});
  return {
    fetch: createPortalProxy({...options, upstream: upstream.fetch}),
    close: async () => {
      await upstream.close();
      await options.rateLimitStore?.close?.();
    },
  };
}

/** What Node knows about a request beyond the Request: the socket's address and the raw target (any app on Node's bindings). */
export function proxyRequestContext<E extends {Bindings: HttpBindings}>(c: Context<E>): ProxyRequestContext {
  return {clientIp: getConnInfo(c).remote.address, rawTarget: c.env.incoming.url};
}

/** A Hono app that hands every request to the proxy (which refuses paths outside its mount itself). */
function portalProxyApp(proxy: NodePortalProxy): Hono<{Bindings: HttpBindings}> {
  return new Hono<{Bindings: HttpBindings}>().all('*', (c) => proxy.fetch(c.req.raw, proxyRequestContext(c)));
}

/**
 * The adapter refuses some targets (a backslash in the path, a bad Host) before the handler runs;
 * answer those in the proxy's JSON shape too.
 */
function proxyErrorHandler(error: unknown): Response {
  return error instanceof RequestError
    ? refusal(400, 'malformed-request', 'The request could not be read (backslash in the path or bad Host header)')
    : refusal(500, 'internal-error', 'The proxy failed');
}

/** A Node `(req, res)` listener for the proxy alone (Connect middleware such as the dev server's). */
export function toNodeListener(proxy: NodePortalProxy): ReturnType<typeof getRequestListener> {
  return getRequestListener(portalProxyApp(proxy).fetch, {errorHandler: proxyErrorHandler});
}

export interface RunningPortalProxy extends RunningServer {
  /** Where clients send calls: `${url}/portal-proxy`. */
  proxyUrl: string;
}

/** The proxy alone on Node's HTTP server (tests, bench); the site server mounts it next to the build instead. */
export async function startPortalProxy({port, host, limits, ...options}: NodePortalProxyOptions & Pick<NodeServerOptions, 'port' | 'host' | 'limits'>): Promise<RunningPortalProxy> {
  const proxy = createNodePortalProxy(options);
  const server = await startNodeServer(portalProxyApp(proxy).fetch, {port, host, limits, errorHandler: proxyErrorHandler});
  return {
    url: server.url,
    proxyUrl: `${server.url}${options.basePath ?? '/portal-proxy'}`,
    close: async () => {
      await server.close();
      await proxy.close();
    },
  };
}
