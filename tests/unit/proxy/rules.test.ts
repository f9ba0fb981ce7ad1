/** The proxy's pure rules: address ranges, the X-Portal-Origin check, the route table, the rate limiter, the client address. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import ipaddr from 'ipaddr.js';
import {isLoopbackHost} from '../../../src/docspace/url';
import {refusedRange} from '../../../servers/proxy/address-policy';
import {parseTrustHops, resolveClientIp} from '../../../servers/proxy/client-ip';
import {checkRateLimit, clientKey, createMemoryRateLimitStore} from '../../../servers/proxy/rate-limit';
import {matchRoute} from '../../../servers/proxy/routes';
import {hostMatches, judgeTarget, parseAllowedHosts, parseAllowedPorts} from '../../../servers/proxy/target';

const ipaddrRange = (address: string) => ipaddr.process(address).range();

describe('refusedRange', () => {
  const strict = {allowLoopback: false};
  it('refuses every non-public range, IPv4-mapped IPv6 judged as the IPv4 inside', () => {
    const refused: Record<string, string> = {
      '10.0.0.5': 'private',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      '169.254.169.254': 'linkLocal',
      '100.64.0.1': 'carrierGradeNat',
      '127.0.0.1': 'loopback',
      '127.255.0.9': 'loopback',
      '0.0.0.0': 'unspecified',
      '255.255.255.255': 'broadcast',
      '224.0.0.1': 'multicast',
      '240.0.0.1': 'reserved',
      '192.0.2.10': 'reserved',
      '::': 'unspecified',
      '::1': 'loopback',
      'fe80::1': 'linkLocal',
      'fc00::1': 'uniqueLocal',
      'fd12:3456::1': 'uniqueLocal',
      'ff02::1': 'multicast',
      '::ffff:10.0.0.5': 'private',
      '::ffff:169.254.169.254': 'linkLocal',
      '::ffff:127.0.0.1': 'loopback',
      '64:ff9b::a00:5': 'rfc6052',
      '2002:a00:5::1': '6to4',
      '2001:db8::1': 'reserved',
      'not-an-ip': 'invalid',
    };
    for (const [address, range] of Object.entries(refused)) {
      assert.equal(refusedRange(address, strict), range, address);
    }
  });

  it('refuses IPv6 addresses outside global unicast (2000::/3) that ipaddr.js still calls unicast', () => {
    // Unassigned space: no portal lives there.
    for (const address of ['4000::1', '8000::1', 'e000::1', '1::1']) {
      assert.equal(ipaddrRange(address), 'unicast', `${address} is unicast to ipaddr.js, so only the 2000::/3 check refuses it`);
      assert.equal(refusedRange(address, strict), 'reserved', address);
    }
  });

  it('allows public unicast addresses', () => {
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
      assert.equal(refusedRange(address, strict), null, address);
    }
  });

  it('allows loopback only when told to, and nothing else with it', () => {
    const loose = {allowLoopback: true};
    assert.equal(refusedRange('127.0.0.1', loose), null);
    assert.equal(refusedRange('::1', loose), null);
    assert.equal(refusedRange('::ffff:127.0.0.1', loose), null);
    assert.equal(refusedRange('10.0.0.5', loose), 'private');
    assert.equal(refusedRange('169.254.169.254', loose), 'linkLocal');
  });
});

describe('judgeTarget', () => {
  const strict = {allowLoopback: false, allowedHosts: [], allowedPorts: [443]};
  const loose = {allowLoopback: true, allowedHosts: [], allowedPorts: [443]};

  it('accepts a bare https origin, with or without a trailing slash, and lowercases it', () => {
    assert.deepEqual(judgeTarget('https://portal.example.com', strict), {ok: true, origin: 'https://portal.example.com', hostname: 'portal.example.com'});
    assert.deepEqual(judgeTarget('https://Portal.Example.com:8443/', {...strict, allowedPorts: [443, 8443]}), {ok: true, origin: 'https://portal.example.com:8443', hostname: 'portal.example.com'});
  });

  it('refuses a port outside PROXY_ALLOWED_PORTS (default 443), so public hosts cannot be port-scanned', () => {
    for (const value of ['https://portal.example.com:8443', 'https://portal.example.com:22', 'https://8.8.8.8:6379']) {
      const result = judgeTarget(value, strict);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'port-not-allowed'], value);
    }
    assert.equal(judgeTarget('https://portal.example.com:8443', {...strict, allowedPorts: parseAllowedPorts('443, 8443')}).ok, true);
    assert.deepEqual(parseAllowedPorts(undefined), [443]);
    assert.deepEqual(parseAllowedPorts(''), [443]);
    for (const bad of ['https', '0', '70000', '443;8443', '-1']) assert.throws(() => parseAllowedPorts(bad), /PROXY_ALLOWED_PORTS/, bad);
  });

  it('with loopback origins given, allows loopback only at those origins (the dev server and its sandbox)', () => {
    const sandboxOnly = {...loose, loopbackOrigins: ['http://127.0.0.1:8092']};
    assert.equal(judgeTarget('http://127.0.0.1:8092', sandboxOnly).ok, true);
    for (const value of ['http://127.0.0.1:6379', 'http://localhost:8092', 'https://127.0.0.1', 'http://[::1]:8092']) {
      const result = judgeTarget(value, sandboxOnly);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'address-not-allowed'], value);
    }
    assert.equal(judgeTarget('http://127.0.0.1:6379', loose).ok, true, 'without the list, any loopback port (npm run serve with PROXY_ALLOW_LOOPBACK=1)');
  });

  it('refuses a missing header', () => {
    assert.deepEqual(
      [judgeTarget(null, strict), judgeTarget('', strict)].map((r) => !r.ok && [r.status, r.reason]),
      [[400, 'missing-portal-origin'], [400, 'missing-portal-origin']],
    );
  });

  it('refuses anything but a bare origin', () => {
    for (const value of [
      'portal.example.com',
      'https://portal.example.com/api',
      'https://portal.example.com/?x=1',
      'https://portal.example.com#top',
      'https://user:pass@portal.example.com',
      'https://user@portal.example.com',
      'https://portal.example.com:443',
      'ftp://portal.example.com',
      'javascript:alert(1)',
      'https://portal.example.com, https://other.example.com',
      ' https://portal.example.com',
      'https://',
      // Non-canonical IP spellings are refused as written, before they could dodge a check.
      'https://0x7f000001',
      'https://2130706433',
      'https://127.1',
    ]) {
      const result = judgeTarget(value, strict);
      assert.equal(result.ok, false, value);
      assert.equal(!result.ok && result.reason, 'malformed-portal-origin', value);
      assert.equal(!result.ok && result.status, 400, value);
    }
  });

  it('refuses http unless the target is loopback and loopback is allowed', () => {
    const refusedHttp = ['http://portal.example.com', 'http://127.0.0.1:8092', 'http://localhost:8092'];
    for (const value of refusedHttp) {
      const result = judgeTarget(value, strict);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'insecure-target'], value);
    }
    assert.equal(judgeTarget('http://portal.example.com', loose).ok, false);
    assert.equal(judgeTarget('http://127.0.0.1:8092', loose).ok, true);
    assert.equal(judgeTarget('http://localhost:8092', loose).ok, true);
    assert.equal(judgeTarget('http://[::1]:8092', loose).ok, true);
  });

  it('takes http to exactly the hosts the client counts as loopback (one check for both)', () => {
    for (const host of ['localhost', 'portal.localhost', '127.0.0.1', '127.9.8.7', '[::1]', '[::ffff:7f00:1]', 'localhost.example.com', '10.0.0.1']) {
      assert.equal(judgeTarget(`http://${host}:8092`, loose).ok, isLoopbackHost(host), host);
    }
  });

  it('refuses private and loopback IP literals before any connection', () => {
    for (const value of ['https://10.0.0.5', 'https://169.254.169.254', 'https://[::ffff:a00:5]', 'https://[fe80::1]', 'https://0.0.0.0', 'https://127.0.0.1']) {
      const result = judgeTarget(value, strict);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'address-not-allowed'], value);
    }
  });

  it('keeps to the operator allow-list when there is one', () => {
    const listed = {allowLoopback: false, allowedHosts: parseAllowedHosts(' *.onlyoffice.com, DocSpace.example.org ,'), allowedPorts: [443]};
    assert.deepEqual(listed.allowedHosts, ['*.onlyoffice.com', 'docspace.example.org']);
    assert.equal(judgeTarget('https://acme.onlyoffice.com', listed).ok, true);
    assert.equal(judgeTarget('https://a.b.onlyoffice.com', listed).ok, true);
    assert.equal(judgeTarget('https://docspace.example.org', listed).ok, true);
    for (const value of ['https://onlyoffice.com', 'https://evilonlyoffice.com', 'https://onlyoffice.com.evil.test', 'https://x.docspace.example.org']) {
      const result = judgeTarget(value, listed);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'host-not-allowed'], value);
    }
  });

  it('matches wildcards on label boundaries only', () => {
    assert.equal(hostMatches('a.onlyoffice.com', '*.onlyoffice.com'), true);
    assert.equal(hostMatches('aonlyoffice.com', '*.onlyoffice.com'), false);
    assert.equal(hostMatches('onlyoffice.com', '*.onlyoffice.com'), false);
  });
});

describe('matchRoute', () => {
  const base = '/portal-proxy';
  const match = (method: string, path: string, raw?: string) => matchRoute(method, new URL(`http://docs.test${path}`), base, raw);

  it('allows exactly the four calls, masking the second-factor code in the log path; only @self and logout carry the token', () => {
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication', logPath: '/api/2.0/authentication', forwardsAuthorization: false}});
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication/123456'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication/123456', logPath: '/api/2.0/authentication/{code}', forwardsAuthorization: false}});
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication/logout'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication/logout', logPath: '/api/2.0/authentication/logout', forwardsAuthorization: true}});
    assert.deepEqual(match('GET', '/portal-proxy/api/2.0/people/@self'), {ok: true, route: {method: 'GET', apiPath: '/api/2.0/people/@self', logPath: '/api/2.0/people/@self', forwardsAuthorization: true}});
  });

  it('takes only a six-digit code after /authentication/: other portal calls and words are unknown paths', () => {
    for (const word of ['sendsms', 'setphone', 'confirm', 'register', 'LOGOUT', 'logout2', 'Logout', 'abcdef', '12345', '1234567', '12345a', '１２３４５６']) {
      const result = match('POST', `/portal-proxy/api/2.0/authentication/${encodeURIComponent(word)}`);
      assert.deepEqual(!result.ok && result.status, word === '１２３４５６' ? 400 : 404, word);
    }
  });

  it('answers 405 with Allow for a known path and the wrong method', () => {
    for (const [method, path, allow] of [
      ['GET', '/portal-proxy/api/2.0/authentication', 'POST'],
      ['DELETE', '/portal-proxy/api/2.0/authentication/logout', 'POST'],
      ['POST', '/portal-proxy/api/2.0/people/@self', 'GET'],
      ['OPTIONS', '/portal-proxy/api/2.0/people/@self', 'GET'],
      ['HEAD', '/portal-proxy/api/2.0/people/@self', 'GET'],
    ] as const) {
      const result = match(method, path);
      assert.deepEqual(!result.ok && [result.status, result.reason, result.allow], [405, 'method-not-allowed', allow], `${method} ${path}`);
    }
  });

  it('answers 404 for every other path', () => {
    for (const path of [
      '/portal-proxy',
      '/portal-proxy/',
      '/portal-proxy/api/2.0/people',
      '/portal-proxy/api/2.0/people/@self/extra',
      '/portal-proxy/api/2.0/files/@my',
      '/portal-proxy/api/2.0/authentication/' + '1'.repeat(33),
      '/portal-proxy/api/2.0/authentication/12-34',
      '/portal-proxy/api/2.0/authentication/',
      '/api/2.0/authentication',
      '/portal-proxyapi/2.0/authentication',
    ]) {
      const result = match('POST', path);
      assert.deepEqual(!result.ok && [result.status, result.reason], [404, 'unknown-path'], path);
    }
  });

  it('refuses query strings', () => {
    for (const [path, raw] of [
      ['/portal-proxy/api/2.0/authentication?x=1', undefined],
      ['/portal-proxy/api/2.0/authentication', '/portal-proxy/api/2.0/authentication?'],
    ] as const) {
      const result = match('POST', path, raw);
      assert.deepEqual(!result.ok && [result.status, result.reason], [400, 'query-not-allowed'], path);
    }
  });

  it('refuses path tricks in the parsed path and in the raw target', () => {
    for (const [path, raw] of [
      ['/portal-proxy/api/2.0/authentication%2Flogout', undefined],
      ['/portal-proxy/api/2.0/people/%40self', undefined],
      ['/portal-proxy/api/2.0//authentication', undefined],
      ['/portal-proxy/api/2.0/authentication', '/portal-proxy/api/2.0/x/../authentication'],
      ['/portal-proxy/api/2.0/authentication', '/portal-proxy/api/2.0/./authentication'],
      ['/portal-proxy/api/2.0/authentication', '/portal-proxy/api/2.0/%2e%2e/2.0/authentication'],
      ['/portal-proxy/api/2.0/authentication', '/portal-proxy\\api/2.0/authentication'],
    ] as const) {
      const result = match('POST', path, raw);
      assert.deepEqual(!result.ok && [result.status, result.reason], [400, 'path-not-normalised'], raw ?? path);
    }
  });
});

describe('rate limiter', () => {
  it('allows max requests per window per key, then tells how long to wait', async () => {
    let time = 1_000_000;
    const store = createMemoryRateLimitStore({now: () => time});
    const check = (key: string) => checkRateLimit(store, key, {max: 3, windowMs: 60_000});
    assert.deepEqual([await check('a'), await check('a'), await check('a')], [{allowed: true}, {allowed: true}, {allowed: true}]);
    assert.deepEqual(await check('a'), {allowed: false, retryAfterSeconds: 60});
    assert.deepEqual(await check('b'), {allowed: true}, 'another client has its own budget');
    time += 45_500;
    assert.deepEqual(await check('a'), {allowed: false, retryAfterSeconds: 15});
    time += 14_500;
    assert.deepEqual(await check('a'), {allowed: true}, 'a new window starts');
  });

  it('counts an IPv6 client per /64 and an IPv4-mapped client as its IPv4 address', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:bbbb::2'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
  });
});

describe('client address behind trusted proxies', () => {
  it('uses the socket and ignores X-Forwarded-For when no proxy is trusted', () => {
    assert.equal(resolveClientIp('198.51.100.7', '203.0.113.1', 0), '198.51.100.7');
    assert.equal(resolveClientIp(undefined, '203.0.113.1', 0), undefined);
  });

  it('takes the entry PROXY_TRUST_HOPS from the right, never one the client wrote further left', () => {
    // The client forged 203.0.113.66; the load balancer (10.0.0.2, the socket) appended the real 198.51.100.7.
    assert.equal(resolveClientIp('10.0.0.2', '203.0.113.66, 198.51.100.7', 1), '198.51.100.7');
    // CDN then load balancer: two hops.
    assert.equal(resolveClientIp('10.0.0.2', '203.0.113.66, 198.51.100.7, 192.0.2.50', 2), '198.51.100.7');
    assert.equal(resolveClientIp('10.0.0.2', '2001:db8::5', 1), '2001:db8::5');
  });

  it('falls back sensibly when the chain is short or not addresses', () => {
    assert.equal(resolveClientIp('10.0.0.2', null, 1), '10.0.0.2', 'no header: the socket');
    assert.equal(resolveClientIp('10.0.0.2', '198.51.100.7', 3), '198.51.100.7', 'fewer entries than hops: the leftmost');
    assert.equal(resolveClientIp('10.0.0.2', 'unknown', 1), '10.0.0.2', 'not an address: the socket');
  });

  it('reads PROXY_TRUST_HOPS, refusing what is not a small number', () => {
    assert.equal(parseTrustHops(undefined), 0);
    assert.equal(parseTrustHops(' 2 '), 2);
    for (const bad of ['yes', '-1', '1.5', '100']) assert.throws(() => parseTrustHops(bad), /PROXY_TRUST_HOPS/, bad);
  });
});
