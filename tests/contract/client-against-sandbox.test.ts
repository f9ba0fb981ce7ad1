/**
 * The DocSpace client (src/docspace) against the running sandbox over real HTTP: every kind of
 * result the client can give, produced by a server that answers like a portal.
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {startSandbox} from '../../servers/sandbox/node';
import {
  type AuthenticationResult,
  type CallResult,
  type DocSpaceFailure,
  authenticate,
  confirmCode,
  getSelf,
  resolvePortalAsset,
  signOut,
} from '../../src/docspace';
import {DAY_MS, EXPIRES_PATTERN, TestClock, useSandbox} from './sandbox-harness';

const LOCKED = 'Too many login attempts. Please try again later';

/** The failure of a result that must have failed. */
function failureOf(result: CallResult<object>): DocSpaceFailure {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  return (result as {error: DocSpaceFailure}).error;
}

/** The token of a result that must have given one. */
function tokenOf(result: AuthenticationResult): string {
  assert.ok(result.ok && result.step === 'token', JSON.stringify(result));
  return result.token.token;
}

describe('client against the sandbox: signing in', () => {
  const sandbox = useSandbox();
  const signIn = (userName: string, password = SANDBOX_PASSWORD, session?: boolean) =>
    authenticate({portal: sandbox.url, userName, password, session});

  test('success: a token with its one-year expiry parsed, and a redacted exchange', async () => {
    const result = await signIn('demo');
    assert.ok(result.ok && result.step === 'token');
    assert.match(result.token.expiresRaw, EXPIRES_PATTERN);
    assert.equal(result.token.expires?.getTime(), sandbox.clock.now() + 365 * DAY_MS);
    assert.equal(result.exchange?.response?.status, 200);
    assert.equal(result.exchange?.request.url, `${sandbox.url}/api/2.0/authentication`);
    const shown = JSON.stringify(result.exchange);
    assert.ok(!shown.includes(SANDBOX_PASSWORD), 'the password never appears in the exchange');
    assert.ok(!shown.includes(result.token.token), 'the token never appears in the exchange');
  });

  test('session token: expires is null, the raw value kept', async () => {
    const result = await signIn('demo', SANDBOX_PASSWORD, true);
    assert.ok(result.ok && result.step === 'token');
    assert.equal(result.token.expires, null);
    assert.equal(result.token.expiresRaw, '0001-01-01T00:00:00');
  });

  test('authenticator app: the second-factor step, then confirmCode gives a working token', async () => {
    const first = await signIn('app-2fa');
    assert.ok(first.ok && first.step === 'second-factor', JSON.stringify(first));
    assert.equal(first.secondFactor.method, 'app');
    assert.equal(first.secondFactor.setupRequired, false);
    assert.match(first.secondFactor.confirmUrl ?? '', /\/confirm\/TfaAuth\?/);

    const confirmed = await confirmCode({portal: sandbox.url, userName: 'app-2fa', password: SANDBOX_PASSWORD, code: '123 456'});
    assert.ok(confirmed.ok, JSON.stringify(confirmed));
    const self = await getSelf({portal: sandbox.url, token: confirmed.token.token});
    assert.ok(self.ok);
    assert.equal(self.profile.userName, 'app-2fa');
  });

  test('authenticator app not set up: setupRequired with the manual key', async () => {
    const result = await signIn('app-setup');
    assert.ok(result.ok && result.step === 'second-factor');
    assert.deepEqual(
      {method: result.secondFactor.method, setupRequired: result.secondFactor.setupRequired, hasKey: !!result.secondFactor.tfaKey},
      {method: 'app', setupRequired: true, hasKey: true},
    );
  });

  test('SMS: masked phone and code expiry, then confirmCode gives a token', async () => {
    const first = await signIn('sms-2fa');
    assert.ok(first.ok && first.step === 'second-factor');
    assert.equal(first.secondFactor.method, 'sms');
    assert.equal(first.secondFactor.setupRequired, false);
    assert.equal(first.secondFactor.phoneNoise, '+1 *** *** 12 34');
    assert.equal(first.secondFactor.codeExpires?.getTime(), sandbox.clock.now() + 10 * 60_000);

    const confirmed = await confirmCode({portal: sandbox.url, userName: 'sms-2fa', password: SANDBOX_PASSWORD, code: SANDBOX_CODE});
    assert.ok(confirmed.ok, JSON.stringify(confirmed));
    assert.ok(confirmed.token.expires instanceof Date);
  });

  test('SMS without an activated phone: setupRequired', async () => {
    const result = await signIn('sms-setup');
    assert.ok(result.ok && result.step === 'second-factor');
    assert.equal(result.secondFactor.method, 'sms');
    assert.equal(result.secondFactor.setupRequired, true);
  });

  test('a wrong code: http 401', async () => {
    const result = await confirmCode({portal: sandbox.url, userName: 'app-2fa', password: SANDBOX_PASSWORD, code: '000000'});
    const error = failureOf(result);
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 401);
  });

  test('a wrong password: http 401 with the portal message', async () => {
    const error = failureOf(await signIn('demo', 'wrong'));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 401);
    assert.equal(error.serverMessage, 'User authentication failed');
  });

  test('a disabled user: http 403 "User disabled", quoted in the message', async () => {
    const error = failureOf(await signIn('disabled'));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 403);
    assert.equal(error.serverMessage, 'User disabled');
    assert.equal(error.message, `POST ${sandbox.url}/api/2.0/authentication answered 403: “User disabled”.`);
  });

  test('lockout: after 5 failures, http 403 "Too many login attempts", quoted in the message', async () => {
    for (let i = 0; i < 5; i++) assert.equal((failureOf(await signIn('app-setup', 'wrong')) as {status?: number}).status, 401);
    const error = failureOf(await signIn('app-setup'));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 403);
    assert.equal(error.serverMessage, LOCKED);
    assert.match(error.message, /answered 403: “Too many login attempts/);
  });

  test('rate limited: http 429 without a server message', async () => {
    const error = failureOf(await signIn('rate-limited'));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 429);
    assert.equal(error.serverMessage, undefined);
  });

  test('server error: http 500 with the envelope message', async () => {
    const error = failureOf(await signIn('server-error'));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 500);
    assert.ok(error.serverMessage);
  });

  test('an HTML error page: http 502, body kept in the exchange', async () => {
    const result = await signIn('html-error');
    const error = failureOf(result);
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 502);
    assert.equal(error.serverMessage, undefined);
    assert.match(result.exchange?.response?.body ?? '', /^<html>/);
  });

  test('no token in a 200 answer: unexpected-answer', async () => {
    const error = failureOf(await signIn('no-token'));
    assert.equal(error.kind, 'unexpected-answer');
    assert.equal((error as {status: number}).status, 200);
  });
});

describe('client against the sandbox: profile and sign-out', () => {
  const sandbox = useSandbox();

  test('getSelf: the profile, with an avatar on the sandbox origin that loads', async () => {
    const token = tokenOf(await authenticate({portal: sandbox.url, userName: 'demo', password: SANDBOX_PASSWORD}));
    const result = await getSelf({portal: sandbox.url, token});
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.profile.displayName, 'Dana Demo');
    assert.ok(!JSON.stringify(result.exchange).includes(token), 'the token is masked in the exchange');
    const avatar = resolvePortalAsset(sandbox.url, result.profile.avatar);
    assert.ok(avatar && avatar.startsWith(`${sandbox.url}/`), `avatar ${result.profile.avatar}`);
    assert.equal((await fetch(avatar)).status, 200);
  });

  test('signOut, then getSelf with the same token: http 401', async () => {
    const token = tokenOf(await authenticate({portal: sandbox.url, userName: 'demo', password: SANDBOX_PASSWORD}));
    const out = await signOut({portal: sandbox.url, token});
    assert.ok(out.ok, JSON.stringify(out));
    const error = failureOf(await getSelf({portal: sandbox.url, token}));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 401);
    assert.equal(error.serverMessage, undefined, 'the portal sends an empty body');
  });

  test('getSelf with an unknown token: http 401', async () => {
    const error = failureOf(await getSelf({portal: sandbox.url, token: 'bm90LWEtdG9rZW4='}));
    assert.ok(error.kind === 'http');
    assert.equal(error.status, 401);
  });
});

describe('client against the sandbox: transport failures', () => {
  // The real 20 s slow account: the client's small timeout must fire long before.
  const sandbox = useSandbox();

  test('timeout: the slow account outlasts timeoutMs', async () => {
    const result = await authenticate({portal: sandbox.url, userName: 'slow', password: SANDBOX_PASSWORD, timeoutMs: 200});
    const error = failureOf(result);
    assert.equal(error.kind, 'timeout');
    assert.equal((error as {timeoutMs: number}).timeoutMs, 200);
    assert.ok(result.exchange, 'the request was sent');
  });

  test('cancelled: the caller aborts while the slow account is still waiting', async () => {
    const controller = new AbortController();
    const pending = authenticate({portal: sandbox.url, userName: 'slow', password: SANDBOX_PASSWORD, signal: controller.signal});
    setTimeout(() => controller.abort(), 50);
    assert.equal(failureOf(await pending).kind, 'cancelled');
  });

  test('network: nothing listens on the port', async () => {
    const closed = await startSandbox({port: 0, now: new TestClock().now});
    await closed.close();
    const error = failureOf(await authenticate({portal: closed.url, userName: 'demo', password: SANDBOX_PASSWORD}));
    assert.equal(error.kind, 'network');
  });
});

describe('client against a 200 HTML page (an address that is not a portal)', () => {
  const server = createServer((_, response) => {
    response.writeHead(200, {'Content-Type': 'text/html'}).end('<!doctype html><title>Sign in</title><p>Welcome</p>');
  });
  let url = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('not-json, with the start of the body', async () => {
    const error = failureOf(await authenticate({portal: url, userName: 'demo', password: SANDBOX_PASSWORD}));
    assert.ok(error.kind === 'not-json', JSON.stringify(error));
    assert.equal(error.status, 200);
    assert.match(error.bodyStart, /^<!doctype html>/);
  });
});
