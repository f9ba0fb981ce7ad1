/** Serves the sandbox handler over Node's HTTP server. */
import {getConnInfo} from '@hono/node-server/conninfo';
import type {HttpBindings} from '@hono/node-server';
import {Hono} from 'hono';
import {type RunningServer, startNodeServer} from '../node-server';
import {type SandboxOptions, createSandbox} from './handler';

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: the sandbox is for one machine. */
  host?: '127.0.0.1' | 'localhost' | '::1';
}

export type RunningSandbox = RunningServer;

/** Starts the sandbox; resolves once it is listening (rejects if the port is taken). */
export function startSandbox({port = 0, host = '127.0.0.1', ...options}: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const sandbox = createSandbox(options);
  // The lockout is per client IP: only the socket knows it, never a client-sent header.
  const app = new Hono<{Bindings: HttpBindings}>().all('*', (c) => sandbox.fetch(c.req.raw, {clientIp: getConnInfo(c).remote.address}));
  return startNodeServer(app.fetch, {port, host, beforeClose: () => sandbox.close()});
}
