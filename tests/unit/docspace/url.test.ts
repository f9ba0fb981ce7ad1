import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {normalizePortalUrl, resolvePortalAsset} from '../../../src/docspace';
import {isLoopbackHost} from '../../../src/docspace/url';

const originOf = (input: string) => {
  const result = normalizePortalUrl(input);
  assert.ok(result.ok, `${JSON.stringify(input)} should be accepted: ${JSON.stringify(result)}`);
  return result.origin;
};
const problemOf = (input: string) => {
  const result = normalizePortalUrl(input);
  assert.equal(result.ok, false, `${JSON.stringify(input)} should be refused, got ${JSON.stringify(result)}`);
  return result.ok ? undefined : result.problem;
};

test('what readers type becomes the portal origin', () => {
  assert.equal(originOf('yourportal.onlyoffice.com'), 'https://yourportal.onlyoffice.com');
  assert.equal(originOf('https://Portal.Example.com/'), 'https://portal.example.com');
  assert.equal(originOf('portal.example.com/api/2.0/'), 'https://portal.example.com');
  assert.equal(originOf('http://localhost:8092'), 'http://localhost:8092');
  assert.equal(originOf('localhost:8092'), 'https://localhost:8092');
  assert.equal(originOf('  portal.example.com\n'), 'https://portal.example.com');
  assert.equal(originOf('HTTPS://portal.example.com:443/api/2.0/people/@self?x=1#top'), 'https://portal.example.com');
  assert.equal(originOf('http://portal.example.com:80'), 'http://portal.example.com');
  assert.equal(originOf('https://portal.example.com:8443'), 'https://portal.example.com:8443');
  assert.equal(originOf('http://[::1]:8092/'), 'http://[::1]:8092');
  assert.equal(originOf('127.0.0.1:8092'), 'https://127.0.0.1:8092');
  assert.equal(originOf('Bücher.example'), 'https://xn--bcher-kva.example');
});

test('each unusable address gets its own reason and a message that says what to do', () => {
  assert.equal(problemOf(''), 'empty');
  assert.equal(problemOf('   '), 'empty');
  assert.equal(problemOf('portal example.com'), 'whitespace');
  assert.equal(problemOf('https://portal.example.com/a b'), 'whitespace');
  assert.equal(problemOf('ftp://portal.example.com'), 'scheme');
  assert.equal(problemOf('javascript:alert(1)'), 'scheme');
  assert.equal(problemOf('file:///etc/passwd'), 'scheme');
  assert.equal(problemOf('https://user:secret@portal.example.com'), 'credentials');
  assert.equal(problemOf('user:secret@portal.example.com'), 'credentials');
  assert.equal(problemOf('https://@portal.example.com'), 'credentials');
  assert.equal(problemOf('https://'), 'host');
  assert.equal(problemOf('https://portal..example.com'), 'host');
  assert.equal(problemOf('https://-portal.example.com'), 'host');
  assert.equal(problemOf('https://portal!.example.com'), 'host');
  assert.equal(problemOf('https://portal.example.com:65536'), 'port');
  assert.equal(problemOf('portal.example.com:0'), 'port');
  assert.equal(problemOf('portal.example.com:https'), 'port');
  const refused = normalizePortalUrl('https://user:secret@portal.example.com');
  assert.ok(!refused.ok && /user name or password/.test(refused.message));
  assert.ok(!refused.ok && !refused.message.includes('secret'), 'the message does not repeat the password');
});

// Pieces that meet at the parser's edge cases: schemes, user info, brackets, ports, escapes.
const addressLike = fc
  .array(
    fc.oneof(
      fc.constantFrom('http', 'https', 'HTTP', 'ftp', 'javascript', ':', '//', '/', '\\', '@', '[', ']', '::1', '.', '-', '_'),
      fc.constantFrom('%', '%40', '?', '#', ' ', '\t', 'localhost', '127.0.0.1', '8092', '0', '65536', 'xn--', 'ü', 'user:pass'),
      fc.domain(),
      fc.string({maxLength: 3}),
    ),
    {maxLength: 8},
  )
  .map((pieces) => pieces.join(''));
const anyInput = fc.oneof(addressLike, fc.webUrl({withQueryParameters: true, withFragments: true}), fc.string(), fc.domain());

test('property: never throws, and accepts only plain http(s) origins without credentials', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const result = normalizePortalUrl(input);
      if (!result.ok) return typeof result.message === 'string' && result.message.length > 0;
      const url = new URL(result.origin);
      assert.match(url.protocol, /^https?:$/);
      assert.equal(url.username + url.password, '');
      assert.equal(url.origin, result.origin, 'an origin has no path, query or fragment');
      assert.doesNotMatch(result.origin, /@|\s/);
      return true;
    }),
    {numRuns: 3000},
  );
});

test('property: normalising an origin again gives the same origin', () => {
  fc.assert(
    fc.property(anyInput, (input) => {
      const first = normalizePortalUrl(input);
      if (!first.ok) return true;
      const second = normalizePortalUrl(first.origin);
      assert.deepEqual(second, first);
      return true;
    }),
    {numRuns: 3000},
  );
});

test('property: any casing, port, path or query around a valid host keeps just the host and port', () => {
  fc.assert(
    fc.property(
      fc.domain(),
      fc.constantFrom('', 'https://', 'http://', 'HTTPS://'),
      fc.option(fc.integer({min: 1, max: 65535}), {nil: undefined}),
      fc.webPath(),
      fc.boolean(),
      (domain, scheme, port, path, shout) => {
        const typed = `${scheme}${shout ? domain.toUpperCase() : domain}${port === undefined ? '' : `:${port}`}${path}`;
        const expected = new URL(`${scheme.toLowerCase() || 'https://'}${domain}${port === undefined ? '' : `:${port}`}`).origin;
        assert.equal(originOf(typed), expected);
      },
    ),
    {numRuns: 1000},
  );
});

test('portal assets resolve only on the portal origin, over http(s)', () => {
  const origin = 'https://portal.example.com';
  assert.equal(
    resolvePortalAsset(origin, '/static/images/default_user_photo_size_82-82.png?hash=1'),
    'https://portal.example.com/static/images/default_user_photo_size_82-82.png?hash=1',
  );
  assert.equal(resolvePortalAsset(origin, 'https://portal.example.com/a.png'), 'https://portal.example.com/a.png');
  assert.equal(resolvePortalAsset(origin, 'https://evil.example/a.png'), null);
  assert.equal(resolvePortalAsset(origin, '//evil.example/a.png'), null);
  assert.equal(resolvePortalAsset(origin, 'http://portal.example.com/a.png'), null, 'another scheme is another origin');
  assert.equal(resolvePortalAsset(origin, 'javascript:alert(1)'), null);
  assert.equal(resolvePortalAsset(origin, 'data:image/png;base64,AAAA'), null);
  assert.equal(resolvePortalAsset(origin, ''), null);
  assert.equal(resolvePortalAsset(origin, undefined), null);
  assert.equal(resolvePortalAsset('not a url', '/a.png'), null);
  assert.equal(resolvePortalAsset('http://localhost:8092', '/a.png'), 'http://localhost:8092/a.png');
});

test('loopback hosts are the ones browsers let an https page call over http', () => {
  for (const host of ['localhost', 'LOCALHOST', 'portal.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) assert.ok(isLoopbackHost(host), host);
  for (const host of ['localhost.example.com', '10.0.0.1', 'portal.example.com', '[::2]']) assert.ok(!isLoopbackHost(host), host);
  // Browsers do not count an IPv4-mapped loopback address as secure: an https page may not call it over http.
  assert.ok(!isLoopbackHost(new URL('http://[::ffff:127.0.0.1]').hostname), 'IPv4-mapped');
});
