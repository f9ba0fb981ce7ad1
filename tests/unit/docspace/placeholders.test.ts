import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {PLACEHOLDERS, UnsafePlaceholderValue, fillPlaceholders, personalise} from '../../../src/docspace/placeholders';
import {ENVIRONMENT} from '../../../src/exampleCommands';

const SAMPLE = [
  'const portal = "https://yourportal.onlyoffice.com";',
  '// Host: yourportal.onlyoffice.com',
  'body = {"userName": "yourusername", "password": "yourpassword"}',
  'headers = {"Authorization": "yourtoken"}',
].join('\n');

describe('fillPlaceholders', () => {
  it('replaces the origin, the bare host, the user name, the password and the token', () => {
    const filled = fillPlaceholders(SAMPLE, {
      portalOrigin: 'http://127.0.0.1:41234',
      userName: 'demo',
      password: 'demo-password',
      token: 'abc+/def==',
    });
    assert.equal(
      filled,
      [
        'const portal = "http://127.0.0.1:41234";',
        '// Host: 127.0.0.1:41234',
        'body = {"userName": "demo", "password": "demo-password"}',
        'headers = {"Authorization": "abc+/def=="}',
      ].join('\n'),
    );
  });

  it('leaves placeholders without a value untouched', () => {
    const filled = fillPlaceholders(SAMPLE, {portalOrigin: 'https://docs.example.com'});
    assert.match(filled, /"https:\/\/docs\.example\.com"/);
    assert.match(filled, /Host: docs\.example\.com$/m);
    for (const placeholder of [PLACEHOLDERS.userName, PLACEHOLDERS.password, PLACEHOLDERS.token]) {
      assert.ok(filled.includes(placeholder), placeholder);
    }
    assert.equal(fillPlaceholders(SAMPLE, {}), SAMPLE);
  });

  it('fills an API key into DOCSPACE_API_KEY and the Bearer header, and refuses one that could break out of a string', () => {
    const source = "export DOCSPACE_API_KEY='yourapikey'\nAuthorization: Bearer yourapikey\nAuthorization: yourtoken";
    assert.equal(fillPlaceholders(source, {apiKey: 'sk-0123abcd'}), "export DOCSPACE_API_KEY='sk-0123abcd'\nAuthorization: Bearer sk-0123abcd\nAuthorization: yourtoken");
    assert.throws(() => fillPlaceholders(source, {apiKey: "sk-1'; rm -rf ~"}), UnsafePlaceholderValue);
  });

  it('replaces every occurrence, and keeps a non-default port in the host', () => {
    const filled = fillPlaceholders('yourtoken yourtoken https://yourportal.onlyoffice.com/x yourportal.onlyoffice.com', {
      token: 't1',
      portalOrigin: 'https://[::1]:8443',
    });
    assert.equal(filled, 't1 t1 https://[::1]:8443/x [::1]:8443');
  });

  it('does not replace a placeholder that a value itself contains', () => {
    const filled = fillPlaceholders('"yourusername" "yourpassword" "https://yourportal.onlyoffice.com"', {
      portalOrigin: 'https://yourusername.example.com',
      userName: 'yourpassword',
      password: 'secret',
    });
    assert.equal(filled, '"yourpassword" "secret" "https://yourusername.example.com"');
  });

  it('refuses origins that are not a bare http(s) origin', () => {
    for (const origin of [
      'yourportal.example.com',
      'https://portal.example.com/',
      'https://portal.example.com/api',
      'https://user:pass@portal.example.com',
      'HTTPS://Portal.example.com',
      'ftp://portal.example.com',
      'javascript:alert(1)',
      'https://portal.example.com"; rm -rf /',
    ]) {
      assert.throws(() => fillPlaceholders(SAMPLE, {portalOrigin: origin}), UnsafePlaceholderValue, origin);
    }
  });

  it('refuses an origin whose host breaks the widget’s host rule: shell or quote characters, whatever its source', () => {
    // The URL parser takes all of these as hosts; normalizePortalUrl's rule (a DNS name or an IP literal) does not.
    for (const origin of [
      'https://a$(id)x.com',
      'https://a`id`x.com',
      "https://a'b.example.com",
      'https://a"b.example.com',
      'https://a;b.example.com',
      'https://a&b.example.com',
      'https://a!b.example.com',
      'https://a*b.example.com',
      'https://a(b).example.com',
      'https://a,b.example.com',
      'https://a=b.example.com',
      'https://a~b.example.com:8443',
    ]) {
      assert.throws(() => fillPlaceholders(SAMPLE, {portalOrigin: origin}), UnsafePlaceholderValue, origin);
    }
    // What normalizePortalUrl accepts still goes in.
    for (const origin of ['https://portal.example.com', 'http://127.0.0.1:8092', 'https://[::1]:8443', 'https://my_portal.example.com']) {
      assert.ok(fillPlaceholders(SAMPLE, {portalOrigin: origin}).includes(origin), origin);
    }
  });

  it('refuses values that could break out of a string literal in any of the languages', () => {
    for (const value of ['a"b', "a'b", 'a\\b', 'a`b', '$HOME', '${x}', '{0}', '%s', 'a b', 'a\nb', '', 'ä']) {
      for (const field of ['userName', 'password', 'token'] as const) {
        assert.throws(() => fillPlaceholders(SAMPLE, {[field]: value}), UnsafePlaceholderValue, `${field}: ${JSON.stringify(value)}`);
      }
    }
  });

  it('never puts the refused value into its error message', () => {
    const secret = 'hunter2"leak';
    assert.throws(
      () => fillPlaceholders(SAMPLE, {password: secret}),
      (error: Error) => error instanceof UnsafePlaceholderValue && error.field === 'password' && !error.message.includes('hunter2'),
    );
  });

  it('refuses the whole call when one value is unsafe, even if the others are fine', () => {
    assert.throws(() => fillPlaceholders(SAMPLE, {portalOrigin: 'https://ok.example.com', token: 'bad"'}), UnsafePlaceholderValue);
  });

  it('places any value from the safe alphabet verbatim, so what is filled is what gets sent', () => {
    const safe = fc.stringMatching(/^[A-Za-z0-9._~+/=@:-]{1,40}$/);
    fc.assert(
      fc.property(safe, safe, safe, (userName, password, token) => {
        const filled = fillPlaceholders('u=[yourusername] p=[yourpassword] t=[yourtoken]', {userName, password, token});
        assert.equal(filled, `u=[${userName}] p=[${password}] t=[${token}]`);
      }),
    );
  });
});

describe('personalise', () => {
  it('fills every safe value and leaves the placeholder of an unsafe one, so one odd value hides none of the others', () => {
    const shown = personalise(ENVIRONMENT.bash.credentials, {portalOrigin: 'https://docs.example.com', userName: "o'brien"});
    assert.match(shown, /^export DOCSPACE_PORTAL='https:\/\/docs\.example\.com'$/m);
    assert.match(shown, /^export DOCSPACE_USER='yourusername'$/m);
    assert.equal(
      personalise(ENVIRONMENT.powershell.token, {portalOrigin: 'https://docs.example.com', token: 'abc+/def=='}),
      "$env:DOCSPACE_TOKEN = 'abc+/def=='",
    );
  });

  it('never writes a password into the environment blocks: they ask for it', () => {
    for (const shell of Object.values(ENVIRONMENT)) {
      const shown = personalise(`${shell.credentials}\n${shell.token}`, {password: 'secret-password'});
      assert.ok(!shown.includes('secret-password'), shown);
    }
  });
});
