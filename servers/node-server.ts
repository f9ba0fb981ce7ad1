/**
 * The one way the sandbox, the proxy alone and the site start and stop on Node: a fetch handler
 * behind node:http, with deadlines and a connection cap when given (`npm run serve` gives
 * SERVE_LIMITS, so a slow or greedy client cannot hold sockets for Node's defaults: 60 s for the
 * headers, 300 s for a request). The local sandbox and the test servers keep Node's defaults.
 */
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {type HttpBindings, getRequestListener} from '@hono/node-server';

interface ServerLimits {
  /** Time to receive the request line and headers. */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (the answer may take longer). */
  requestTimeoutMs: number;
  /** Idle time a kept-alive connection is held open between requests. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are refused at accept. */
  maxConnections: number;
}

/** What `npm run serve` allows a client: the whole request (the proxy's body deadline is 5 s of it) within 30 s. */
export const SERVE_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

type NodeFetch = (request: Request, env: HttpBindings) => Response | Promise<Response>;

export interface NodeServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Absent: Node's defaults. */
  limits?: Partial<ServerLimits>;
  /** Answers a request the adapter cannot turn into a Request (a bad Host, a backslash in the path). */
  errorHandler?: (error: unknown) => Response | Promise<Response>;
  /** Runs before the server closes, e.g. to end long answers in flight. */
  beforeClose?: () => void;
}

/** A port number from an environment variable (unset or empty: `fallback`), or a message naming the variable. */
export function portFromEnv(name: string, value: string | undefined, fallback: number): {port: number} | {problem: string} {
  if (value === undefined || value.trim() === '') return {port: fallback};
  const port = Number(value);
  return /^\d+$/.test(value.trim()) && port <= 65535 ? {port} : {problem: `${name} must be a port number from 0 to 65535, not "${value}"`};
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8092`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Starts listening; resolves once it does, rejects with the listen error (EADDRINUSE included). */
export function startNodeServer(fetch: NodeFetch, {port = 0, host = '127.0.0.1', limits = {}, errorHandler, beforeClose}: NodeServerOptions = {}): Promise<RunningServer> {
  const {headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections} = limits;
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      // Node checks the two timeouts on this interval (default 30 s): check often enough to keep them.
      connectionsCheckingInterval: headersTimeoutMs === undefined ? undefined : Math.min(1000, headersTimeoutMs),
    },
    getRequestListener(fetch as (request: Request, env: unknown) => Promise<Response>, {errorHandler}),
  );
  if (maxConnections !== undefined) server.maxConnections = maxConnections;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const info = server.address() as AddressInfo;
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            beforeClose?.();
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
