import '../support/dom';
import assert from 'node:assert/strict';
import {createHash, randomUUID} from 'node:crypto';
import {readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {writeHeapSnapshot} from 'node:v8';
import {act, renderHook, waitFor} from '@testing-library/react';
import {
  type AuthenticateOptions,
  type AuthenticationResult,
  type ConfirmCodeOptions,
  type ConfirmCodeResult,
  type DocSpaceFailure,
  type SelfResult,
  type SignOutResult,
  type TokenCallOptions,
} from '../../../src/docspace';
import type {TryItClient} from '../../../src/components/TryIt/state/effects';
import {useTryIt} from '../../../src/components/TryIt/state/useTryIt';
import {useWidget} from '../../../src/components/TryIt/state/useWidget';

const PORTAL = 'https://portal.example.com';
const PROXY = 'https://docs.example.com/portal-proxy';
const token = (name: string) => ({token: name, expires: new Date('2027-08-13T10:15:30Z'), expiresRaw: '2027-08-13T10:15:30.1234567Z'});
const profile = {id: '1', displayName: 'Dana Demo'};
const network: DocSpaceFailure = {kind: 'network', message: 'POST … got no answer the page can read.'};
const refused: DocSpaceFailure = {kind: 'http', status: 401, message: 'POST … answered 401.'};
const as = (userName: string, password = 'secret') => ({userName, password, session: false});

/** What the fake portal was asked. The password only as a digest: the fake must not hold a copy itself. */
interface Asked {
  call: keyof TryItClient;
  userName?: string;
  password?: string;
  code?: string;
  token?: string;
  proxyUrl?: string;
  portal?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** A fake portal: each call is recorded and answered by `answers` (default: a demo account without a second factor). */
function fakeClient(answers: Partial<{[K in keyof TryItClient]: (asked: Asked) => Awaited<ReturnType<TryItClient[K]>>}> = {}) {
  const asked: Asked[] = [];
  const record = (call: keyof TryItClient, opts: Partial<AuthenticateOptions & ConfirmCodeOptions & TokenCallOptions>): Asked => {
    const entry: Asked = {call, userName: opts.userName, code: opts.code, token: opts.token, proxyUrl: opts.proxyUrl, portal: opts.portal};
    if (opts.password !== undefined) entry.password = digest(opts.password);
    asked.push(entry);
    return entry;
  };
  const client: TryItClient = {
    authenticate: async (opts) => (answers.authenticate ?? (() => ({ok: true, step: 'token', token: token('t1')}) as AuthenticationResult))(record('authenticate', opts)),
    confirmCode: async (opts) => (answers.confirmCode ?? (() => ({ok: true, step: 'token', token: token('t2')}) as ConfirmCodeResult))(record('confirmCode', opts)),
    getSelf: async (opts) => (answers.getSelf ?? (() => ({ok: true, profile}) as SelfResult))(record('getSelf', opts)),
    signOut: async (opts) => (answers.signOut ?? (() => ({ok: true}) as SignOutResult))(record('signOut', opts)),
  };
  return {client, asked};
}


test('a token continues to the profile without another click, through the injected client, to the origin the form read', async () => {
  const {client, asked} = fakeClient();
  const {result} = renderHook(() => useWidget({}, client));
  act(() => result.current.setField('portal', 'Portal.Example.com/api'));
  act(() => result.current.setField('userName', 'dana'));
  act(() => result.current.setField('password', 'secret'));
  act(() => result.current.submit());
  await waitFor(() => assert.equal(result.current.tryIt.state.name, 'signed-in'));
  assert.deepEqual(
    asked.map((entry) => entry.call),
    ['authenticate', 'getSelf'],
  );
  assert.equal(asked[1].token, 't1');
  assert.deepEqual(asked.map((entry) => entry.portal), [PORTAL, PORTAL], 'every call goes to the origin read once, in the form');
  assert.equal(result.current.tryIt.state.origin, PORTAL);
  assert.equal(result.current.tryIt.busy, false);
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** The digests of every UUID alive on the heap after a full GC, read from a heap snapshot. */
async function liveUuidDigests(): Promise<Set<string>> {
  const file = join(tmpdir(), `tryit-hook-${process.pid}-${randomUUID()}.heapsnapshot`);
  try {
    writeHeapSnapshot(file);
    const text = await readFile(file, 'utf8');
    return new Set(Array.from(text.matchAll(UUID), ([uuid]) => digest(uuid)));
  } finally {
    await rm(file, {force: true});
  }
}

test('after the token, the hook holds the password nowhere (signed in directly, and with a code)', async () => {
  const signedIn: {flow: string; passwordDigest: string}[] = [];
  for (const flow of ['directly', 'with a code']) {
    const {client, asked} = fakeClient(
      flow === 'with a code' ? {authenticate: () => ({ok: true, step: 'second-factor', secondFactor: {method: 'app', setupRequired: false}})} : {},
    );
    const {result} = renderHook(() => useTryIt({client}));
    // Made at run time and kept by the test only as a digest, so only the hook could hold it.
    let passwordDigest = '';
    act(() => {
      const password = randomUUID();
      result.current.signIn(PORTAL, as('dana', password));
      passwordDigest = digest(password);
    });
    if (flow === 'with a code') {
      await waitFor(() => assert.equal(result.current.state.name, 'second-factor'));
      act(() => result.current.confirm('123456'));
    }
    await waitFor(() => assert.equal(result.current.state.name, 'signed-in'));
    assert.ok(asked.some((entry) => entry.password === passwordDigest), 'the password went to the portal');
    signedIn.push({flow, passwordDigest});
  }
  // Both hooks are still mounted, holding whatever they kept.
  const live = await liveUuidDigests();
  for (const {flow, passwordDigest} of signedIn) assert.ok(!live.has(passwordDigest), `signed in ${flow}, a live object still holds the password`);
});

test('sign-out is never offered for resending through the proxy: the token is dropped whatever the answer', async () => {
  const {client, asked} = fakeClient({signOut: () => ({ok: false, error: network})});
  const {result} = renderHook(() => useTryIt({client, proxyUrl: PROXY}));
  act(() => result.current.signIn(PORTAL, as('dana')));
  await waitFor(() => assert.equal(result.current.state.name, 'signed-in'));
  act(() => result.current.signOut());
  await waitFor(() => assert.equal(result.current.state.name, 'failed'));
  const {state} = result.current;
  assert.ok(state.name === 'failed' && state.call === 'sign-out' && state.error.kind === 'network');
  assert.equal(result.current.resendThroughProxy, undefined);
  assert.equal(asked.filter((entry) => entry.call === 'signOut').length, 1);
});

test('a direct call that got no answer can be resent through the proxy: the same call, and the route switches', async () => {
  let attempts = 0;
  const {client, asked} = fakeClient({
    authenticate: () => (++attempts === 1 ? {ok: false, error: network} : {ok: true, step: 'token', token: token('t1')}),
  });
  const {result} = renderHook(() => useTryIt({client, proxyUrl: PROXY}));
  act(() => result.current.signIn(PORTAL, as('dana')));
  await waitFor(() => assert.equal(result.current.state.name, 'failed'));
  assert.equal(result.current.route, 'direct');
  assert.ok(result.current.resendThroughProxy);
  act(() => result.current.resendThroughProxy!());
  await waitFor(() => assert.equal(result.current.state.name, 'signed-in'));
  assert.equal(result.current.route, 'proxy');
  const [first, second, self] = asked;
  assert.deepEqual([first.proxyUrl, second.proxyUrl, self.proxyUrl], [undefined, PROXY, PROXY]);
  assert.equal(second.password, digest('secret'), 'the resent call still has the password');
  assert.equal(second.userName, 'dana');
});

test('a wrong code keeps the step open and the password for the next code, app or SMS', async () => {
  for (const method of ['app', 'sms'] as const) {
    const {client, asked} = fakeClient({
      authenticate: () => ({ok: true, step: 'second-factor', secondFactor: {method, setupRequired: false}}),
      confirmCode: ({code}) => (code === '123456' ? {ok: true, step: 'token', token: token('t2')} : {ok: false, error: refused}),
    });
    const {result} = renderHook(() => useTryIt({client}));
    act(() => result.current.signIn(PORTAL, as('dana')));
    await waitFor(() => assert.equal(result.current.state.name, 'second-factor'));
    act(() => result.current.confirm('000000'));
    await waitFor(() => {
      const {state} = result.current;
      assert.ok(state.name === 'second-factor' && !result.current.busy && state.failure?.kind === 'http', method);
    });
    act(() => result.current.confirm('123456'));
    await waitFor(() => assert.equal(result.current.state.name, 'signed-in', method));
    const codes = asked.filter((entry) => entry.call === 'confirmCode');
    assert.deepEqual(
      codes.map((entry) => [entry.code, entry.password]),
      [
        ['000000', digest('secret')],
        ['123456', digest('secret')],
      ],
      method,
    );
  }
});

test('an authenticator app still to be set up takes the code that activates it; a phone to set up takes none', async () => {
  const {client, asked} = fakeClient({
    authenticate: ({userName}) => ({ok: true, step: 'second-factor', secondFactor: {method: userName === 'phone' ? 'sms' : 'app', setupRequired: true}}),
  });
  const {result} = renderHook(() => useTryIt({client}));
  act(() => result.current.signIn(PORTAL, as('app')));
  await waitFor(() => assert.equal(result.current.state.name, 'second-factor'));
  act(() => result.current.confirm('123456'));
  await waitFor(() => assert.equal(result.current.state.name, 'signed-in'));
  assert.equal(asked.find((entry) => entry.call === 'confirmCode')?.password, digest('secret'));
});

test('refused passwords of one login are counted over a minute, so the 4th can warn; a token clears the count', async () => {
  let clock = 0;
  let accept = false;
  const {client} = fakeClient({authenticate: () => (accept ? {ok: true, step: 'token', token: token('t1')} : {ok: false, error: refused})});
  const {result} = renderHook(() => useTryIt({client, now: () => clock}));
  const failuresAfter = async (userName: string, portalTyped = PORTAL) => {
    act(() => result.current.signIn(portalTyped, as(userName, 'wrong')));
    await waitFor(() => assert.ok(!result.current.busy, JSON.stringify(result.current.state)));
    const {state} = result.current;
    return state.name === 'failed' ? state.loginFailures : undefined;
  };
  assert.deepEqual([await failuresAfter('dana'), await failuresAfter('dana'), await failuresAfter('Dana ')], [1, 2, 3]);
  assert.equal(await failuresAfter('someone-else'), 1, 'per login');
  assert.equal(await failuresAfter('dana', 'https://other.example.com'), 1, 'per portal');
  assert.equal(await failuresAfter('dana'), 4);
  clock += 61_000;
  assert.equal(await failuresAfter('dana'), 1, 'failures older than a minute no longer count');
  accept = true;
  await failuresAfter('dana');
  accept = false;
  assert.equal(await failuresAfter('dana'), 1, 'a token starts the count again');
});

test('an empty user name or password is caught in the form and never sent', async () => {
  const {client, asked} = fakeClient();
  const {result} = renderHook(() => useWidget({}, client));
  act(() => result.current.setField('portal', PORTAL));
  act(() => result.current.submit());
  assert.deepEqual(result.current.missing, ['userName', 'password']);
  act(() => result.current.setField('userName', '   '));
  act(() => result.current.setField('password', 'secret'));
  act(() => result.current.submit());
  assert.deepEqual(result.current.missing, ['userName']);
  assert.equal(asked.length, 0, 'nothing was sent');
  act(() => result.current.setField('userName', 'dana'));
  assert.deepEqual(result.current.missing, [], 'a filled field is no longer flagged');
  act(() => result.current.submit());
  await waitFor(() => assert.equal(result.current.tryIt.state.name, 'signed-in'));
  assert.equal(asked[0].userName, 'dana');
  assert.equal(result.current.fields.password, '', 'the form forgets the password once it is sent');
});

test('an unusable address is caught at its field: nothing sent, the password kept until a call takes it', async () => {
  const {client, asked} = fakeClient();
  const {result} = renderHook(() => useWidget({}, client));
  act(() => result.current.setField('portal', 'ftp://portal.example.com'));
  act(() => result.current.setField('userName', 'dana'));
  act(() => result.current.setField('password', 'secret'));
  assert.equal(result.current.addressProblem, undefined, 'nothing is flagged before Get token');
  act(() => result.current.submit());
  assert.equal(result.current.addressProblem, 'scheme');
  assert.deepEqual(result.current.toFix, ['portal'], 'the address field takes the focus');
  assert.equal(result.current.fields.password, 'secret', 'nothing was sent, so the password stays in its field');
  assert.equal(result.current.tryIt.state.name, 'idle', 'no failure alert: the note is at the field');
  // The note follows the typing, and goes once the address is usable.
  act(() => result.current.setField('portal', 'user:pw@portal.example.com'));
  assert.equal(result.current.addressProblem, 'credentials');
  act(() => result.current.setField('password', ''));
  act(() => result.current.submit());
  assert.deepEqual(result.current.toFix, ['portal', 'password'], 'in the form’s order');
  assert.equal(asked.length, 0, 'nothing was sent');
  act(() => result.current.setField('portal', PORTAL));
  act(() => result.current.setField('password', 'secret'));
  assert.equal(result.current.addressProblem, undefined);
  act(() => result.current.submit());
  assert.equal(result.current.fields.password, '', 'sent: the form forgets the password');
  await waitFor(() => assert.equal(result.current.tryIt.state.name, 'signed-in'));
  assert.equal(asked[0].portal, PORTAL);
});

test('a call this page’s Content-Security-Policy blocked is said as that, from the browser’s event, not as a network failure', async () => {
  const blocked = 'http://192.168.1.20:8080';
  const {client} = fakeClient({authenticate: () => ({ok: false, error: network, exchange: {request: {method: 'POST', url: `${blocked}/api/2.0/authentication`, headers: {}}, sent: true, durationMs: 1, via: 'direct'}})});
  const {result} = renderHook(() => useTryIt({client, proxyUrl: PROXY}));
  const violation = (effectiveDirective: string, blockedURI: string) =>
    act(() => {
      document.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), {effectiveDirective, blockedURI}));
    });
  act(() => result.current.signIn(blocked, as('dana')));
  await waitFor(() => assert.equal(result.current.state.name, 'failed'));
  assert.ok(result.current.resendThroughProxy, 'a plain network failure may go through the proxy');
  violation('img-src', `${blocked}/avatar.png`);
  assert.equal(result.current.state.name === 'failed' && result.current.state.error.kind, 'network', 'only connect-src is about calls');
  violation('connect-src', `${blocked}/api/2.0/authentication`);
  const {state} = result.current;
  assert.deepEqual(state.name === 'failed' && state.error, {kind: 'blocked-by-csp', origin: blocked});
  assert.equal(result.current.resendThroughProxy, undefined, 'the browser never sent it, and the proxy relays no http:// portal');
});

test('signing out is a call in flight: busy until the portal answers or the reader cancels', async () => {
  const {client} = fakeClient();
  // A portal that answers the logout only when the call is cancelled.
  const slowSignOut: TryItClient = {
    ...client,
    signOut: (opts) =>
      new Promise((resolve) => opts.signal?.addEventListener('abort', () => resolve({ok: false, error: {kind: 'cancelled', message: 'POST … was cancelled.'}}))),
  };
  const {result} = renderHook(() => useTryIt({client: slowSignOut}));
  act(() => result.current.signIn(PORTAL, as('dana')));
  await waitFor(() => assert.equal(result.current.state.name, 'signed-in'));
  assert.equal(result.current.busy, false);
  act(() => result.current.signOut());
  await waitFor(() => assert.equal(result.current.busy, true));
  act(() => result.current.cancel());
  await waitFor(() => assert.equal(result.current.state.name, 'failed'));
  const {state} = result.current;
  assert.ok(state.name === 'failed' && state.call === 'sign-out' && state.error.kind === 'cancelled');
  assert.equal(result.current.busy, false);
});

test('a call that got no answer through the proxy is not offered for resending through it', async () => {
  const {client, asked} = fakeClient({authenticate: () => ({ok: false, error: network})});
  const {result} = renderHook(() => useTryIt({client, proxyUrl: PROXY}));
  act(() => result.current.setRoute('proxy'));
  act(() => result.current.signIn(PORTAL, as('dana')));
  await waitFor(() => assert.equal(result.current.state.name, 'failed'));
  assert.equal(asked[0].proxyUrl, PROXY);
  assert.equal(result.current.resendThroughProxy, undefined);
});
