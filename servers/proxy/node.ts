import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {RequestError, getRequestListener} from '@hono/node-server';
import {type PortalProxyOptions, type ProxyRequestContext, createPortalProxy, refusal} from './handler';
import {type Resolver, createNodeUpstream} from './node-upstream';
import {parseAllowedHosts} from './target';

/** What the proxy reads from Node's incoming request (IncomingMessage and Http2ServerRequest both have it). */
interface NodeIncoming {
  url?: string;
  socket: {remoteAddress?: string};
}

/** The proxy on Node: the fetch handler with the undici upstream, taking @hono/node-server's bindings (`c.env` in Hono). */
export type NodePortalProxy = ((request: Request, bindings?: {incoming?: NodeIncoming}) => Promise<Response>) & {
  /** Closes the upstream's pooled connections. */
  close(): Promise<void>;
};

export interface NodePortalProxyOptions extends Omit<PortalProxyOptions, 'upstream'> {
  /** Injected resolver (tests); default: the system resolver. */
  resolve?: Resolver;
}

/** Operator settings: PROXY_ALLOW_LOOPBACK=1, PROXY_ALLOWED_HOSTS=`*.onlyoffice.com,docspace.example.org`. */
export function proxyOptionsFromEnv(env: NodeJS.ProcessEnv): Pick<NodePortalProxyOptions, 'allowLoopback' | 'allowedHosts'> {
  return {allowLoopback: env.PROXY_ALLOW_LOOPBACK === '1', allowedHosts: parseAllowedHosts(env.PROXY_ALLOWED_HOSTS)};
}

export function nodeRequestContext(incoming: NodeIncoming | undefined): ProxyRequestContext {
  return {clientIp: incoming?.socket.remoteAddress, rawTarget: incoming?.url};
}

export function createNodePortalProxy({resolve, ...options}: NodePortalProxyOptions): NodePortalProxy {
  const upstream = createNodeUpstream({allowLoopback: options.allowLoopback ?? false, resolve});
  const proxy = createPortalProxy({...options, upstream: upstream.fetch});
  return Object.assign((request: Request, bindings?: {incoming?: NodeIncoming}) => proxy(request, nodeRequestContext(bindings?.incoming)), {
    close: upstream.close,
  });
}

/** A Node `(req, res)` listener for the proxy (Node's HTTP server, Express/Connect middleware). */
export function toNodeListener(proxy: NodePortalProxy): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener(proxy, {
    // The adapter refuses some targets (a backslash in the path, a bad Host) before the handler
    // runs; answer those in the proxy's JSON shape too.
    errorHandler: (error) =>
      error instanceof RequestError
        ? refusal(400, 'malformed-request', 'The request could not be read (backslash in the path or bad Host header)')
        : refusal(500, 'internal-error', 'The proxy failed'),
  });
}

export interface RunningPortalProxy {
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Where clients send calls: `${url}/portal-proxy`. */
  proxyUrl: string;
  close(): Promise<void>;
}

/** The proxy alone on Node's HTTP server (tests, bench); the site server mounts it next to the build instead. */
export async function startPortalProxy({port = 0, host = '127.0.0.1', ...options}: NodePortalProxyOptions & {port?: number; host?: string}): Promise<RunningPortalProxy> {
  const proxy = createNodePortalProxy(options);
  const server = createServer(toNodeListener(proxy));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    proxyUrl: `${url}${options.basePath ?? '/portal-proxy'}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await proxy.close();
    },
  };
}
