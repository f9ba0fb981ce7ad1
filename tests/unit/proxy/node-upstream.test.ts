/**
 * The Node upstream checks the address it actually connects to. A made-up name resolved (by an
 * injected resolver) to a private address must never reach net.connect / tls.connect; a counting
 * server on 127.0.0.1 shows which connections really happen. No traffic leaves 127.0.0.1.
 */
import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import net, {type AddressInfo} from 'node:net';
import tls from 'node:tls';
import {after, before, describe, it, mock} from 'node:test';
import {createPortalProxy} from '../../../servers/proxy/handler';
import {type ResolvedAddress, type Resolver, createNodeUpstream} from '../../../servers/proxy/node-upstream';

/** A resolver answering from a table, recording what it was asked. */
function tableResolver(table: Record<string, string[]>): Resolver & {asked: string[]} {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    return (table[hostname] ?? []).map((address) => ({address, family: net.isIPv6(address) ? 6 : 4}));
  };
  return Object.assign(resolve, {asked});
}

/** Spies on the two functions undici opens sockets with. */
function spyOnSockets() {
  const netConnect = mock.method(net, 'connect');
  const tlsConnect = mock.method(tls, 'connect');
  return {
    count: () => netConnect.mock.callCount() + tlsConnect.mock.callCount(),
    restore: () => {
      netConnect.mock.restore();
      tlsConnect.mock.restore();
    },
  };
}

async function refusalOf(promise: Promise<unknown>): Promise<{range: string; address: string}> {
  const error = (await promise.then(
    () => assert.fail('expected the fetch to fail'),
    (e: unknown) => e,
  )) as {cause?: {name?: string; range: string; address: string}};
  assert.equal(error.cause?.name, 'AddressRefusedError');
  return {range: error.cause.range, address: error.cause.address};
}

describe('node upstream: refusing private addresses before any socket', () => {
  const resolver = tableResolver({
    'internal.test': ['10.0.0.5'],
    'metadata.test': ['169.254.169.254'],
    'mapped.test': ['::ffff:10.0.0.5'],
    'cgnat.test': ['100.64.0.7'],
  });
  const upstream = createNodeUpstream({allowLoopback: false, resolve: resolver});
  after(() => upstream.close());

  for (const [hostname, address, range] of [
    ['internal.test', '10.0.0.5', 'private'],
    ['metadata.test', '169.254.169.254', 'linkLocal'],
    ['mapped.test', '::ffff:10.0.0.5', 'private'],
    ['cgnat.test', '100.64.0.7', 'carrierGradeNat'],
  ] as const) {
    it(`${hostname} → ${address}: refused (${range}), no socket opened`, async () => {
      const sockets = spyOnSockets();
      try {
        const refusal = await refusalOf(upstream.fetch(`https://${hostname}/api/2.0/authentication`, {method: 'POST', headers: {}, signal: AbortSignal.timeout(5000), redirect: 'manual'}));
        assert.deepEqual(refusal, {range, address});
        assert.equal(sockets.count(), 0);
        assert.ok(resolver.asked.includes(hostname), 'the name was resolved by the connector');
      } finally {
        sockets.restore();
      }
    });
  }

  it('refuses an IP literal without resolving or opening a socket', async () => {
    const sockets = spyOnSockets();
    const askedBefore = resolver.asked.length;
    try {
      const refusal = await refusalOf(upstream.fetch('http://169.254.169.254/latest/meta-data', {method: 'GET', headers: {}, signal: AbortSignal.timeout(5000), redirect: 'manual'}));
      assert.deepEqual(refusal, {range: 'linkLocal', address: '169.254.169.254'});
      assert.equal(sockets.count(), 0);
      assert.equal(resolver.asked.length, askedBefore);
    } finally {
      sockets.restore();
    }
  });

  it('through the handler: a made-up name resolving to the metadata address is a 403, with no socket', async () => {
    const proxy = createPortalProxy({upstream: upstream.fetch, log: () => undefined});
    const sockets = spyOnSockets();
    try {
      const response = await proxy(
        new Request('http://docs.test/portal-proxy/api/2.0/authentication', {method: 'POST', headers: {'x-portal-origin': 'https://metadata.test'}, body: '{}'}),
      );
      assert.equal(response.status, 403);
      assert.deepEqual(await response.json(), {error: {message: 'The proxy does not connect to linkLocal addresses', reason: 'address-not-allowed'}});
      assert.equal(sockets.count(), 0);
    } finally {
      sockets.restore();
    }
  });
});

describe('node upstream: loopback and DNS rebinding, seen by a counting server', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  before(async () => {
    // Connection: close, so every request needs a new connection (and a new address check).
    server = createServer((_req, res) => res.writeHead(200, {'content-type': 'application/json', connection: 'close'}).end('{"ok":true}'));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (upstream: ReturnType<typeof createNodeUpstream>, url: string) =>
    upstream.fetch(url, {method: 'GET', headers: {}, signal: AbortSignal.timeout(5000), redirect: 'manual'});

  it('refuses evil.test → 127.0.0.1 when loopback is not allowed: the server sees no connection', async () => {
    const upstream = createNodeUpstream({allowLoopback: false, resolve: tableResolver({'evil.test': ['127.0.0.1']})});
    const before = connections;
    try {
      assert.deepEqual(await refusalOf(get(upstream, `http://evil.test:${port}/`)), {range: 'loopback', address: '127.0.0.1'});
      assert.deepEqual(await refusalOf(get(upstream, `http://127.0.0.1:${port}/`)), {range: 'loopback', address: '127.0.0.1'});
      assert.equal(connections, before);
    } finally {
      await upstream.close();
    }
  });

  it('connects to the checked address when loopback is allowed (the control case: the spy and the server both see it)', async () => {
    const upstream = createNodeUpstream({allowLoopback: true, resolve: tableResolver({'sandbox.test': ['127.0.0.1']})});
    const before = connections;
    const sockets = spyOnSockets();
    try {
      const response = await get(upstream, `http://sandbox.test:${port}/`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {ok: true});
      assert.equal(connections, before + 1);
      assert.equal(sockets.count(), 1);
    } finally {
      sockets.restore();
      await upstream.close();
    }
  });

  it('with loopback origins given, a name resolving to loopback reaches only those origins', async () => {
    const resolve = tableResolver({'sandbox.test': ['127.0.0.1'], 'other.test': ['127.0.0.1']});
    const upstream = createNodeUpstream({allowLoopback: true, loopbackOrigins: [`http://sandbox.test:${port}`], resolve});
    const before = connections;
    try {
      assert.deepEqual(await refusalOf(get(upstream, `http://other.test:${port}/`)), {range: 'loopback', address: '127.0.0.1'});
      assert.deepEqual(await refusalOf(get(upstream, `http://127.0.0.1:${port}/`)), {range: 'loopback', address: '127.0.0.1'});
      assert.equal(connections, before);
      const allowed = await get(upstream, `http://sandbox.test:${port}/`);
      assert.equal(allowed.status, 200);
      await allowed.arrayBuffer();
    } finally {
      await upstream.close();
    }
  });

  it('refuses a name if any of its addresses is refused, even when another is allowed', async () => {
    const upstream = createNodeUpstream({allowLoopback: true, resolve: tableResolver({'mixed.test': ['127.0.0.1', '10.0.0.5']})});
    const before = connections;
    try {
      assert.deepEqual(await refusalOf(get(upstream, `http://mixed.test:${port}/`)), {range: 'private', address: '10.0.0.5'});
      assert.equal(connections, before);
    } finally {
      await upstream.close();
    }
  });

  it('checks every new connection: a name that rebinds to a private address is refused the second time', async () => {
    const answers = [['127.0.0.1'], ['10.0.0.5']];
    const rebinding: Resolver = async () => (answers.shift() ?? []).map((address) => ({address, family: 4 as const}));
    const upstream = createNodeUpstream({allowLoopback: true, resolve: rebinding});
    const before = connections;
    try {
      const first = await get(upstream, `http://rebind.test:${port}/`);
      assert.equal(first.status, 200);
      await first.arrayBuffer();
      assert.deepEqual(await refusalOf(get(upstream, `http://rebind.test:${port}/`)), {range: 'private', address: '10.0.0.5'});
      assert.equal(connections, before + 1);
    } finally {
      await upstream.close();
    }
  });
});
