/**
 * The proxy as `npm run serve` mounts it: beside the static build on the site's own origin,
 * reading the client IP and the raw path from Node's request. 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {createNodePortalProxy, proxyOptionsFromEnv} from '../../servers/proxy/node';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {type RunningSiteServer, startSiteServer} from '../../servers/site/node';

let sandbox: RunningSandbox;
let site: RunningSiteServer;
let buildDir: string;
const portalProxy = createNodePortalProxy({...proxyOptionsFromEnv({PROXY_ALLOW_LOOPBACK: '1'}), rateLimit: {max: 4, windowMs: 60_000}, log: () => undefined});

before(async () => {
  buildDir = await mkdtemp(join(tmpdir(), 'proxy-site-'));
  await writeFile(join(buildDir, 'index.html'), '<!doctype html><title>docs</title>');
  sandbox = await startSandbox({port: 0, cors: false});
  site = await startSiteServer({buildDir, portalProxy: portalProxy.fetch});
});
after(async () => {
  await site.close();
  await portalProxy.close();
  await sandbox.close();
  await rm(buildDir, {recursive: true, force: true});
});

function rawPost(target: string): Promise<{status: number; body: string}> {
  const {hostname, port} = new URL(site.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({host: hostname, port, method: 'POST', path: target, headers: {'x-portal-origin': sandbox.url, 'content-type': 'application/json'}}, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({status: res.statusCode ?? 0, body: text}));
    });
    req.on('error', reject);
    req.end(JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD}));
  });
}

describe('proxy contract: mounted in the site server', () => {
  it('signs in through /portal-proxy on the site origin, and still serves the pages', async () => {
    const signIn = await rawPost('/portal-proxy/api/2.0/authentication');
    assert.equal(signIn.status, 200);
    assert.ok((JSON.parse(signIn.body) as {response?: {token?: string}}).response?.token);
    const page = await fetch(`${site.url}/`);
    assert.equal(page.status, 200);
    await page.arrayBuffer();
  });

  it('sees the raw path: `..` is refused even though URL parsing would remove it', async () => {
    const tricked = await rawPost('/portal-proxy/api/2.0/people/../authentication');
    assert.equal(tricked.status, 400);
    assert.equal((JSON.parse(tricked.body) as {error: {reason: string}}).error.reason, 'path-not-normalised');
  });

  it('rate-limits by the connecting client', async () => {
    const statuses: number[] = [];
    // Two calls above; the limit is 4 a minute.
    for (let i = 0; i < 3; i++) statuses.push((await rawPost('/portal-proxy/api/2.0/authentication')).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });
});

describe('proxyOptionsFromEnv', () => {
  const strictDefaults = {allowLoopback: false, allowedHosts: [], allowedPorts: [443], trustHops: 0};

  it('is strict unless told otherwise', () => {
    assert.deepEqual(proxyOptionsFromEnv({}), strictDefaults);
    assert.deepEqual(proxyOptionsFromEnv({PROXY_ALLOW_LOOPBACK: 'true'}), strictDefaults);
    assert.deepEqual(
      proxyOptionsFromEnv({
        PROXY_ALLOW_LOOPBACK: '1',
        PROXY_ALLOWED_HOSTS: '*.onlyoffice.com,docspace.example.org',
        PROXY_ALLOWED_PORTS: '443,8443',
        PROXY_TRUST_HOPS: '1',
        PROXY_SITE_ORIGIN: 'https://docs.example.org/',
      }),
      {allowLoopback: true, allowedHosts: ['*.onlyoffice.com', 'docspace.example.org'], allowedPorts: [443, 8443], trustHops: 1, siteOrigin: 'https://docs.example.org'},
    );
  });

  it('names the variable when a setting is malformed', () => {
    assert.throws(() => proxyOptionsFromEnv({PROXY_ALLOWED_PORTS: 'https'}), /PROXY_ALLOWED_PORTS/);
    assert.throws(() => proxyOptionsFromEnv({PROXY_TRUST_HOPS: 'yes'}), /PROXY_TRUST_HOPS/);
    assert.throws(() => proxyOptionsFromEnv({PROXY_SITE_ORIGIN: 'https://docs.example.org/guide'}), /PROXY_SITE_ORIGIN/);
  });
});
