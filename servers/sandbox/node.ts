/** Serves the sandbox handler over Node's HTTP server. */
import type {AddressInfo} from 'node:net';
import {serve} from '@hono/node-server';
import {type SandboxOptions, createSandbox} from './handler';

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: the sandbox is for one machine. */
  host?: '127.0.0.1' | 'localhost' | '::1';
}

export interface RunningSandbox {
  /** e.g. `http://127.0.0.1:8092`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Starts the sandbox; resolves once it is listening (rejects if the port is taken). */
export function startSandbox({port = 0, host = '127.0.0.1', ...options}: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        // The lockout is per client IP: only the socket knows it, never a client-sent header.
        fetch: (request, env) => sandbox.fetch(request, {clientIp: env.incoming.socket.remoteAddress}),
        port,
        hostname: host,
      },
      (info: AddressInfo) => {
        server.off('error', reject);
        const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shownHost}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              sandbox.close();
              server.close((error) => (error ? fail(error) : done()));
              if ('closeAllConnections' in server) server.closeAllConnections();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
