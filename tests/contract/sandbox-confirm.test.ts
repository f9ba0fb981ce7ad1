/** POST /api/2.0/authentication/{code} on the sandbox: the second-factor step. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {EXPIRES_PATTERN, assertEnvelope, assertError, postJson, self, signIn, useSandbox} from './sandbox-harness';

const AUTH_FAILED = 'User authentication failed';

describe('sandbox: confirming a second-factor code', () => {
  const sandbox = useSandbox();
  const confirm = (userName: string, code: string, extra: Record<string, unknown> = {}) =>
    postJson(`${sandbox.url}/api/2.0/authentication/${encodeURIComponent(code)}`, {
      userName,
      password: SANDBOX_PASSWORD,
      code,
      ...extra,
    });

  test('authenticator app: the right code (path and body) gives {token, expires, tfa: true} and a working token', async () => {
    await signIn(sandbox.url, 'app-2fa');
    const answer = await confirm('app-2fa', SANDBOX_CODE);
    assertEnvelope(answer, `${sandbox.url}/api/2.0/authentication/${SANDBOX_CODE}`, 'POST');
    assert.deepEqual(Object.keys(answer.json.response), ['token', 'expires', 'tfa']);
    assert.equal(answer.json.response.tfa, true);
    assert.match(answer.json.response.expires, EXPIRES_PATTERN);
    assert.match(answer.response.headers.get('set-cookie') ?? '', /^asc_auth_key=.+HttpOnly/);
    const profile = await self(sandbox.url, answer.json.response.token);
    assert.equal(profile.json.response.userName, 'app-2fa');
  });

  test('the code in the path is what counts', async () => {
    const answer = await postJson(`${sandbox.url}/api/2.0/authentication/${SANDBOX_CODE}`, {
      userName: 'app-2fa',
      password: SANDBOX_PASSWORD,
    });
    assert.equal(answer.response.status, 200);
  });

  test('authenticator app: a wrong code is 401 with the error envelope', async () => {
    assertError(await confirm('app-2fa', '654321'), 401, AUTH_FAILED);
  });

  test('authenticator app not yet set up: the right code activates it and gives a token', async () => {
    const answer = await confirm('app-setup', SANDBOX_CODE);
    assert.equal(answer.response.status, 200);
    assert.equal(answer.json.response.tfa, true);
    assert.ok(answer.json.response.token);
  });

  test('SMS: after the code was sent, the right code gives {token, expires, sms: true, phoneNoise}', async () => {
    await signIn(sandbox.url, 'sms-2fa');
    const answer = await confirm('sms-2fa', SANDBOX_CODE);
    assert.equal(answer.response.status, 200);
    assert.deepEqual(Object.keys(answer.json.response), ['token', 'expires', 'sms', 'phoneNoise']);
    assert.equal(answer.json.response.sms, true);
    assert.equal(answer.json.response.phoneNoise, '+1 *** *** 12 34');
  });

  test('SMS: the code stops working 10 minutes after it was sent', async () => {
    await signIn(sandbox.url, 'sms-2fa');
    sandbox.clock.advance(10 * 60_000);
    assert.equal((await confirm('sms-2fa', SANDBOX_CODE)).response.status, 200, 'still valid at exactly 10 minutes');
    sandbox.clock.advance(1);
    assertError(await confirm('sms-2fa', SANDBOX_CODE), 401, AUTH_FAILED);
    await signIn(sandbox.url, 'sms-2fa');
    assert.equal((await confirm('sms-2fa', SANDBOX_CODE)).response.status, 200, 'a new SMS gives a new code');
  });

  test('SMS without an activated phone: no code was sent, so any code is 401', async () => {
    await signIn(sandbox.url, 'sms-setup');
    assertError(await confirm('sms-setup', SANDBOX_CODE), 401, AUTH_FAILED);
  });

  test('an account without a second factor cannot use this step: 401', async () => {
    assertError(await confirm('demo', SANDBOX_CODE), 401, AUTH_FAILED);
  });

  test('the right code with a wrong password is 401', async () => {
    assertError(await confirm('app-2fa', SANDBOX_CODE, {password: 'wrong'}), 401, AUTH_FAILED);
  });

  test('a disabled user is 403 here too', async () => {
    assertError(await confirm('disabled', SANDBOX_CODE), 403, 'User disabled');
  });

  test('"session": true works on this step too', async () => {
    const answer = await confirm('app-2fa', SANDBOX_CODE, {session: true});
    assert.equal(answer.json.response.expires, '0001-01-01T00:00:00');
  });
});

describe('sandbox: SMS code before any was sent', () => {
  const sandbox = useSandbox();

  test('is 401: the sandbox only accepts a code it has "sent"', async () => {
    const answer = await postJson(`${sandbox.url}/api/2.0/authentication/${SANDBOX_CODE}`, {
      userName: 'sms-2fa',
      password: SANDBOX_PASSWORD,
      code: SANDBOX_CODE,
    });
    assertError(answer, 401, AUTH_FAILED);
  });
});
