/** The brute-force lockout: 5 failures in 60 s per login + client IP lock that pair for 60 s. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {Agent, fetch as undiciFetch} from 'undici';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {createSandbox} from '../../servers/sandbox/handler';
import {TestClock, assertError, postJson, signIn, useSandbox} from './sandbox-harness';

const LOCKED = 'Too many login attempts. Please try again later';

async function failSignIns(base: string, userName: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const answer = await postJson(`${base}/api/2.0/authentication`, {userName, password: `wrong-${i}`});
    assert.equal(answer.response.status, 401, `failure ${i + 1} should be a plain 401`);
  }
}

describe('sandbox: lockout', () => {
  const sandbox = useSandbox();

  test('after 5 failures the right password is refused with 403, until 60 s have passed', async () => {
    await failSignIns(sandbox.url, 'demo', 5);
    assertError(await signIn(sandbox.url, 'demo'), 403, LOCKED);
    assertError(await postJson(`${sandbox.url}/api/2.0/authentication`, {userName: 'demo', password: 'wrong'}), 403, LOCKED);
    sandbox.clock.advance(59_999);
    assertError(await signIn(sandbox.url, 'demo'), 403, LOCKED);
    sandbox.clock.advance(1);
    assert.equal((await signIn(sandbox.url, 'demo')).response.status, 200);
  });

  test('the lock is per login: another login from the same IP still signs in', async () => {
    await failSignIns(sandbox.url, 'nobody-in-particular', 5);
    assertError(await signIn(sandbox.url, 'nobody-in-particular'), 403, LOCKED);
    assert.equal((await signIn(sandbox.url, 'app-2fa')).response.status, 200);
  });

  test('the lock ignores case and spaces in the login, as the login match does', async () => {
    await failSignIns(sandbox.url, 'App-Setup', 5);
    assertError(await signIn(sandbox.url, ' app-setup'), 403, LOCKED);
  });

  test('the lock is per client IP: the same login from 127.0.0.2 is not locked', async () => {
    await failSignIns(sandbox.url, 'sms-setup', 5);
    assertError(await signIn(sandbox.url, 'sms-setup'), 403, LOCKED);
    const otherAddress = new Agent({localAddress: '127.0.0.2'});
    try {
      const response = await undiciFetch(`${sandbox.url}/api/2.0/authentication`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({userName: 'sms-setup', password: SANDBOX_PASSWORD}),
        dispatcher: otherAddress,
      });
      assert.equal(response.status, 200);
      await response.body?.cancel();
    } finally {
      await otherAddress.close();
    }
  });

  test('X-Forwarded-For from the client does not move it to another IP', async () => {
    await failSignIns(sandbox.url, 'sms-2fa', 5);
    const answer = await postJson(
      `${sandbox.url}/api/2.0/authentication`,
      {userName: 'sms-2fa', password: SANDBOX_PASSWORD},
      {'X-Forwarded-For': '203.0.113.9', 'X-Real-IP': '203.0.113.9'},
    );
    assertError(answer, 403, LOCKED);
  });

  test('failures older than 60 s do not count', async () => {
    await failSignIns(sandbox.url, 'window-user', 4);
    sandbox.clock.advance(60_000);
    await failSignIns(sandbox.url, 'window-user', 4);
    const answer = await postJson(`${sandbox.url}/api/2.0/authentication`, {userName: 'window-user', password: 'x'});
    assertError(answer, 401, 'User authentication failed');
  });

  test('a successful sign-in clears the failures', async () => {
    await failSignIns(sandbox.url, 'demo', 4);
    assert.equal((await signIn(sandbox.url, 'demo')).response.status, 200);
    await failSignIns(sandbox.url, 'demo', 4);
    assert.equal((await signIn(sandbox.url, 'demo')).response.status, 200);
  });

  test('wrong second-factor codes count too, so a code cannot be guessed', async () => {
    const confirm = (code: string) =>
      postJson(`${sandbox.url}/api/2.0/authentication/${code}`, {userName: 'app-2fa', password: SANDBOX_PASSWORD, code});
    for (let i = 0; i < 5; i++) {
      // Re-asking for the step in between must not reset the count: only an issued token does.
      assert.equal((await signIn(sandbox.url, 'app-2fa')).response.status, 200);
      assert.equal((await confirm(`00000${i}`)).response.status, 401);
    }
    assertError(await confirm(SANDBOX_CODE), 403, LOCKED);
  });
});

describe('sandbox handler: client IP comes from the adapter', () => {
  test('the same login from two connection addresses is counted apart', async () => {
    const clock = new TestClock();
    const sandbox = createSandbox({now: clock.now});
    const attempt = (clientIp: string, password: string) =>
      sandbox.fetch(
        new Request('http://sandbox.test/api/2.0/authentication', {
          method: 'POST',
          body: JSON.stringify({userName: 'demo', password}),
        }),
        {clientIp},
      );
    for (let i = 0; i < 5; i++) assert.equal((await attempt('198.51.100.1', 'wrong')).status, 401);
    assert.equal((await attempt('198.51.100.1', SANDBOX_PASSWORD)).status, 403);
    assert.equal((await attempt('198.51.100.2', SANDBOX_PASSWORD)).status, 200);
  });
});

describe('sandbox handler: a lock survives a flood of made-up names', () => {
  test('10,000 failures with other names do not evict the lock: it holds its full minute', {timeout: 120_000}, async () => {
    const clock = new TestClock();
    const sandbox = createSandbox({now: clock.now});
    const attempt = (userName: string, password: string) =>
      sandbox.fetch(
        new Request('http://sandbox.test/api/2.0/authentication', {method: 'POST', body: JSON.stringify({userName, password})}),
        {clientIp: '198.51.100.1'},
      );
    for (let i = 0; i < 5; i++) assert.equal((await attempt('demo', 'wrong')).status, 401);
    for (let i = 0; i < 10_000; i++) await (await attempt(`made-up-${i}`, 'wrong')).arrayBuffer();
    assert.equal((await attempt('demo', SANDBOX_PASSWORD)).status, 403, 'still locked after the flood');
    clock.advance(59_000);
    assert.equal((await attempt('demo', SANDBOX_PASSWORD)).status, 403, 'still locked at 59 s');
    clock.advance(1_000);
    assert.equal((await attempt('demo', SANDBOX_PASSWORD)).status, 200, 'free after the minute');
  });
});
