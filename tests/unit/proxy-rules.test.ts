/** The proxy's pure rules: address ranges, the X-Portal-Origin check, the route table, the rate limiter. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {refusedRange} from '../../servers/proxy/address-policy';
import {clientKey, createRateLimiter} from '../../servers/proxy/rate-limit';
import {matchRoute} from '../../servers/proxy/routes';
import {hostMatches, judgeTarget, parseAllowedHosts} from '../../servers/proxy/target';

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
  const strict = {allowLoopback: false, allowedHosts: []};
  const loose = {allowLoopback: true, allowedHosts: []};

  it('accepts a bare https origin, with or without a trailing slash, and lowercases it', () => {
    assert.deepEqual(judgeTarget('https://portal.example.com', strict), {ok: true, origin: 'https://portal.example.com', hostname: 'portal.example.com'});
    assert.deepEqual(judgeTarget('https://Portal.Example.com:8443/', strict), {ok: true, origin: 'https://portal.example.com:8443', hostname: 'portal.example.com'});
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

  it('refuses private and loopback IP literals before any connection', () => {
    for (const value of ['https://10.0.0.5', 'https://169.254.169.254', 'https://[::ffff:a00:5]', 'https://[fe80::1]', 'https://0.0.0.0', 'https://127.0.0.1']) {
      const result = judgeTarget(value, strict);
      assert.deepEqual(!result.ok && [result.status, result.reason], [403, 'address-not-allowed'], value);
    }
  });

  it('keeps to the operator allow-list when there is one', () => {
    const listed = {allowLoopback: false, allowedHosts: parseAllowedHosts(' *.onlyoffice.com, DocSpace.example.org ,')};
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

  it('allows exactly the four calls, masking the second-factor code in the log path', () => {
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication', logPath: '/api/2.0/authentication'}});
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication/123456'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication/123456', logPath: '/api/2.0/authentication/{code}'}});
    assert.deepEqual(match('POST', '/portal-proxy/api/2.0/authentication/logout'), {ok: true, route: {method: 'POST', apiPath: '/api/2.0/authentication/logout', logPath: '/api/2.0/authentication/logout'}});
    assert.deepEqual(match('GET', '/portal-proxy/api/2.0/people/@self'), {ok: true, route: {method: 'GET', apiPath: '/api/2.0/people/@self', logPath: '/api/2.0/people/@self'}});
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
  it('allows max requests per window per client, then tells how long to wait', () => {
    let time = 1_000_000;
    const check = createRateLimiter({max: 3, windowMs: 60_000, now: () => time});
    assert.deepEqual([check('a'), check('a'), check('a')], [{allowed: true}, {allowed: true}, {allowed: true}]);
    assert.deepEqual(check('a'), {allowed: false, retryAfterSeconds: 60});
    assert.deepEqual(check('b'), {allowed: true}, 'another client has its own budget');
    time += 45_500;
    assert.deepEqual(check('a'), {allowed: false, retryAfterSeconds: 15});
    time += 14_500;
    assert.deepEqual(check('a'), {allowed: true}, 'a new window starts');
  });

  it('counts an IPv6 client per /64 and an IPv4-mapped client as its IPv4 address', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:bbbb::2'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
  });
});
