/**
 * The dev server's /portal-proxy (plugins/portal-proxy) over real HTTP on 127.0.0.1: it answers
 * only pages opened on a loopback name, and reaches only the sandbox among local services.
 */
import assert from 'node:assert/strict';
import {createServer, request as httpRequest, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {createDevProxyMiddleware} from '../../plugins/portal-proxy';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';

/** The middleware on a bare Node server, as the dev server chains it; anything it passes on is a 404 here. */
async function startDevServer(env: NodeJS.ProcessEnv): Promise<{url: string; close(): Promise<void>}> {
  const middleware = createDevProxyMiddleware({...env, PROXY_ALLOWED_HOSTS: undefined});
  const server: Server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end('dev server')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

/** Signs in through the dev proxy with a chosen Host header (fetch would not let us set it). */
function signIn(devUrl: string, host: string, portal: string): Promise<{status: number; reason?: string}> {
  const {port} = new URL(devUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {host: '127.0.0.1', port, method: 'POST', path: '/portal-proxy/api/2.0/authentication', headers: {host, 'x-portal-origin': portal, 'content-type': 'application/json'}},
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({status: res.statusCode ?? 0, reason: res.headers['x-proxy-refusal'] as string | undefined}));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD}));
  });
}

let sandbox: RunningSandbox;
let otherLocalService: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({port: 0, cors: false});
  otherLocalService = await startSandbox({port: 0, cors: false});
});
after(async () => {
  await sandbox.close();
  await otherLocalService.close();
});

describe('dev server proxy', () => {
  it('relays to the sandbox for a page opened on localhost, 127.0.0.1 or [::1]', async () => {
    const dev = await startDevServer({SANDBOX_URL: sandbox.url});
    try {
      const port = new URL(dev.url).port;
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
        assert.deepEqual(await signIn(dev.url, host, sandbox.url), {status: 200, reason: undefined}, host);
      }
    } finally {
      await dev.close();
    }
  });

  it('refuses a page on any other name (DNS rebinding, or the dev server opened from the network)', async () => {
    const dev = await startDevServer({SANDBOX_URL: sandbox.url});
    try {
      for (const host of ['evil.example:3000', 'rebind.test', '192.168.1.20:3000', 'localhost.evil.example']) {
        assert.deepEqual(await signIn(dev.url, host, sandbox.url), {status: 403, reason: 'cross-site-request'}, host);
      }
    } finally {
      await dev.close();
    }
  });

  it('reaches only the sandbox among local services, and no loopback at all without SANDBOX_URL', async () => {
    const dev = await startDevServer({SANDBOX_URL: sandbox.url});
    const bare = await startDevServer({});
    try {
      assert.deepEqual(await signIn(dev.url, 'localhost', otherLocalService.url), {status: 403, reason: 'address-not-allowed'});
      assert.deepEqual(await signIn(bare.url, 'localhost', sandbox.url), {status: 403, reason: 'insecure-target'});
    } finally {
      await dev.close();
      await bare.close();
    }
  });
});
