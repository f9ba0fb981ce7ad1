/** POST /api/2.0/authentication on the sandbox, row by row against the contract. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {DAY_MS, EXPIRES_PATTERN, assertEnvelope, assertError, call, postJson, signIn, useSandbox} from './sandbox-harness';

const AUTH_FAILED = 'User authentication failed';

describe('sandbox: sign-in success', () => {
  const sandbox = useSandbox();

  test('answers 200 with a token, a one-year expiry and sms/tfa false', async () => {
    const answer = await signIn(sandbox.url, 'demo');
    assertEnvelope(answer, `${sandbox.url}/api/2.0/authentication`, 'POST');
    const {response} = answer.json;
    assert.deepEqual(Object.keys(response), ['token', 'expires', 'sms', 'tfa']);
    assert.match(response.token, /^[A-Za-z0-9+/]{40,}={0,2}$/);
    assert.match(response.expires, EXPIRES_PATTERN);
    assert.equal(response.expires, new Date(sandbox.clock.now() + 365 * DAY_MS).toISOString().replace('Z', '0000Z'));
    assert.equal(response.sms, false);
    assert.equal(response.tfa, false);
  });

  test('gives a different random token on every sign-in', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add((await signIn(sandbox.url, 'demo')).json.response.token);
    assert.equal(tokens.size, 5);
  });

  test('"session": true gives a session-bound token with expires 0001-01-01T00:00:00', async () => {
    const answer = await signIn(sandbox.url, 'demo', {session: true});
    assert.equal(answer.response.status, 200);
    assert.ok(answer.json.response.token);
    assert.equal(answer.json.response.expires, '0001-01-01T00:00:00');
  });

  test('matches the login case-insensitively, like a portal', async () => {
    assert.equal((await signIn(sandbox.url, ' Demo ')).response.status, 200);
  });

  test('sets an HttpOnly asc_auth_key cookie holding the token', async () => {
    const answer = await signIn(sandbox.url, 'demo');
    const cookie = answer.response.headers.get('set-cookie') ?? '';
    assert.ok(cookie.startsWith(`asc_auth_key=${answer.json.response.token};`), cookie);
    assert.match(cookie, /;\s*HttpOnly/i);
    assert.match(cookie, /;\s*Path=\//);
  });

  test('a session sign-in sets a cookie without an expiry', async () => {
    const cookie = (await signIn(sandbox.url, 'demo', {session: true})).response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.doesNotMatch(cookie, /Expires=/i);
  });
});

describe('sandbox: second factors', () => {
  const sandbox = useSandbox();
  const confirmUrlOf = (type: string) => new RegExp(`^${sandbox.url.replace(/\./g, '\\.')}/confirm/${type}\\?`);

  test('authenticator app set up: {tfa: true, confirmUrl ...TfaAuth}, no token', async () => {
    const answer = await signIn(sandbox.url, 'app-2fa');
    assertEnvelope(answer, `${sandbox.url}/api/2.0/authentication`, 'POST');
    assert.deepEqual(Object.keys(answer.json.response).sort(), ['confirmUrl', 'tfa']);
    assert.equal(answer.json.response.tfa, true);
    assert.match(answer.json.response.confirmUrl, confirmUrlOf('TfaAuth'));
    assert.equal(answer.response.headers.get('set-cookie'), null);
  });

  test('authenticator app not set up: {tfa: true, tfaKey, confirmUrl ...TfaActivation}', async () => {
    const answer = await signIn(sandbox.url, 'app-setup');
    assert.deepEqual(Object.keys(answer.json.response).sort(), ['confirmUrl', 'tfa', 'tfaKey']);
    assert.equal(answer.json.response.tfa, true);
    assert.match(answer.json.response.tfaKey, /^[A-Z2-7]{16,}$/);
    assert.match(answer.json.response.confirmUrl, confirmUrlOf('TfaActivation'));
  });

  test('SMS with an activated phone: {sms: true, phoneNoise, expires (code expiry), confirmUrl ...PhoneAuth}', async () => {
    const answer = await signIn(sandbox.url, 'sms-2fa');
    assert.deepEqual(Object.keys(answer.json.response).sort(), ['confirmUrl', 'expires', 'phoneNoise', 'sms']);
    assert.equal(answer.json.response.sms, true);
    assert.equal(answer.json.response.phoneNoise, '+1 *** *** 12 34');
    assert.match(answer.json.response.expires, EXPIRES_PATTERN);
    assert.equal(Date.parse(answer.json.response.expires.replace(/\d{4}Z$/, 'Z')), sandbox.clock.now() + 10 * 60_000);
    assert.match(answer.json.response.confirmUrl, confirmUrlOf('PhoneAuth'));
  });

  test('SMS without an activated phone: {sms: true, confirmUrl ...PhoneActivation}', async () => {
    const answer = await signIn(sandbox.url, 'sms-setup');
    assert.deepEqual(Object.keys(answer.json.response).sort(), ['confirmUrl', 'sms']);
    assert.equal(answer.json.response.sms, true);
    assert.match(answer.json.response.confirmUrl, confirmUrlOf('PhoneActivation'));
  });

  test('confirmUrl opens a page on the sandbox', async () => {
    const answer = await signIn(sandbox.url, 'app-2fa');
    const page = await call(answer.json.response.confirmUrl);
    assert.equal(page.response.status, 200);
    assert.match(page.response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(page.text, /123456/);
  });

  test('a second-factor account with a wrong password gets 401, not the second-factor step', async () => {
    assertError(await signIn(sandbox.url, 'app-2fa', {password: 'nope'}), 401, AUTH_FAILED);
  });
});

describe('sandbox: refused sign-ins', () => {
  const sandbox = useSandbox();
  const url = () => `${sandbox.url}/api/2.0/authentication`;

  test('wrong password: 401 "User authentication failed"', async () => {
    assertError(await postJson(url(), {userName: 'demo', password: 'wrong'}), 401, AUTH_FAILED);
  });

  test('unknown user: 401 "User authentication failed"', async () => {
    assertError(await postJson(url(), {userName: 'nobody', password: SANDBOX_PASSWORD}), 401, AUTH_FAILED);
  });

  test('missing userName (and an empty body): 401', async () => {
    assertError(await postJson(url(), {password: SANDBOX_PASSWORD}), 401, AUTH_FAILED);
    assertError(await call(url(), {method: 'POST'}), 401, AUTH_FAILED);
  });

  test('a password that is not a string: 401', async () => {
    assertError(await postJson(url(), {userName: 'demo', password: ['demo-password']}), 401, AUTH_FAILED);
  });

  test('disabled user with the right password: 403 "User disabled"', async () => {
    assertError(await signIn(sandbox.url, 'disabled'), 403, 'User disabled');
  });

  test('disabled user with a wrong password: 401 (reveals nothing)', async () => {
    assertError(await signIn(sandbox.url, 'disabled', {password: 'wrong'}), 401, AUTH_FAILED);
  });

  test('failed sign-ins set no cookie', async () => {
    const answer = await postJson(url(), {userName: 'demo', password: 'wrong'});
    assert.equal(answer.response.headers.get('set-cookie'), null);
  });
});

describe('sandbox: failure accounts', () => {
  const sandbox = useSandbox({slowMs: 30});

  test('rate-limited: 429 with Retry-After, as the general rate limiter answers', async () => {
    const answer = await signIn(sandbox.url, 'rate-limited');
    assert.equal(answer.response.status, 429);
    assert.equal(answer.response.headers.get('retry-after'), '60');
    assert.equal(answer.response.headers.get('x-ratelimit-remaining'), '0');
  });

  test('html-error: 502 with an HTML page, not JSON', async () => {
    const answer = await signIn(sandbox.url, 'html-error');
    assert.equal(answer.response.status, 502);
    assert.match(answer.response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(answer.text, /^<html>/);
    assert.equal(answer.json, undefined);
  });

  test('server-error: 500 with the error envelope', async () => {
    assertError(await signIn(sandbox.url, 'server-error'), 500, /.+/);
  });

  test('no-token: 200 JSON envelope whose response has no token', async () => {
    const answer = await signIn(sandbox.url, 'no-token');
    assertEnvelope(answer, `${sandbox.url}/api/2.0/authentication`, 'POST');
    assert.equal(answer.json.response.token, undefined);
    assert.equal(answer.json.response.tfa, false);
    assert.equal(answer.json.response.sms, false);
  });

  test('slow: answers after slowMs, then signs in like demo', async () => {
    const answer = await signIn(sandbox.url, 'slow');
    assert.equal(answer.response.status, 200);
    assert.ok(answer.json.response.token);
  });

  test('the failure accounts answer the same whatever the password (they stand for trouble in front of the portal)', async () => {
    const answer = await signIn(sandbox.url, 'server-error', {password: 'anything'});
    assert.equal(answer.response.status, 500);
  });
});
