/**
 * The client's API key calls (src/docspace/keys.ts) against the sandbox over real HTTP: typed
 * answers, the secret masked in every exchange, a create sent exactly once, and the same calls
 * through the proxy.
 */
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningPortalProxy, startPortalProxy} from '../../servers/proxy/node';
import {REDACTED, type CallResult, type DocSpaceFailure, authenticate, getSelf, toCurl} from '../../src/docspace';
import {createKey, deleteKey, getSelfKey, listKeyScopes, listKeys, updateKey} from '../../src/docspace/keys';
import {useSandbox} from './sandbox-harness';

function failureOf(result: CallResult<object>): DocSpaceFailure {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  return (result as {error: DocSpaceFailure}).error;
}

describe('client against the sandbox: API keys', () => {
  const sandbox = useSandbox();
  const signedIn = async (userName = 'demo') => {
    const result = await authenticate({portal: sandbox.url, userName, password: SANDBOX_PASSWORD});
    assert.ok(result.ok && result.step === 'token');
    return result.token.token;
  };

  test('listKeyScopes: the portal\'s own list of scopes', async () => {
    const result = await listKeyScopes({portal: sandbox.url, token: await signedIn()});
    assert.ok(result.ok);
    assert.ok(result.scopes.includes('accounts:read') && result.scopes.includes('*'));
    assert.equal(result.exchange?.request.headers.Authorization, REDACTED, 'the token is sent bare, as the guide shows, and masked');
  });

  test('createKey: the key with its secret, and an exchange that never holds the secret or the token', async () => {
    const token = await signedIn();
    const result = await createKey({portal: sandbox.url, token, name: 'backup job', permissions: ['accounts:read'], expiresInDays: 7});
    assert.ok(result.ok, JSON.stringify(result));
    const {key} = result;
    assert.match(key.key, /^sk-/);
    assert.equal(key.keyPostfix, key.key.slice(-4));
    assert.deepEqual([key.name, key.permissions, key.isActive], ['backup job', ['accounts:read'], true]);
    assert.ok(key.expiresAt);
    assert.equal(result.exchange?.request.body, JSON.stringify({name: 'backup job', permissions: ['accounts:read'], expiresInDays: 7}));
    const shown = JSON.stringify(result.exchange);
    assert.ok(!shown.includes(key.key), 'the secret is masked in the answer as shown');
    assert.ok(!shown.includes(token));
    assert.match(result.exchange?.response?.body ?? '', new RegExp(`"key":"${REDACTED}"`));
    assert.ok(!toCurl(result.exchange!).includes(key.key));
  });

  test('the new key works as a credential: getSelf and getSelfKey send it as Bearer sk-…, masked', async () => {
    const created = await createKey({portal: sandbox.url, token: await signedIn(), name: 'cron', permissions: ['accounts:read']});
    assert.ok(created.ok);
    const secret = created.key.key;
    const me = await getSelf({portal: sandbox.url, token: secret});
    assert.ok(me.ok, JSON.stringify(me));
    assert.equal(me.profile.userName, 'demo');
    assert.equal(me.exchange?.request.headers.Authorization, `Bearer ${REDACTED}`);
    assert.equal(toCurl(me.exchange!, {revealToken: secret}).includes(`Authorization: Bearer ${secret}`), true, 'a revealed cURL runs as is');
    const own = await getSelfKey({portal: sandbox.url, token: secret});
    assert.ok(own.ok);
    assert.equal(own.key.id, created.key.id);
    assert.ok(!JSON.stringify([me, own]).includes(secret), 'no result but the create carries the secret');
  });

  test('an unknown scope is a 400 http failure quoting the portal; nothing is created', async () => {
    const token = await signedIn();
    const before = await listKeys({portal: sandbox.url, token});
    assert.ok(before.ok);
    const error = failureOf(await createKey({portal: sandbox.url, token, name: 'x', permissions: ['files:destroy']}));
    assert.equal(error.kind, 'http');
    assert.equal(error.kind === 'http' && error.status, 400);
    assert.equal(error.kind === 'http' && error.serverMessage, 'Unknown permission: files:destroy');
    const after = await listKeys({portal: sandbox.url, token});
    assert.ok(after.ok);
    assert.equal(after.keys.length, before.keys.length);
  });

  test('a guest\'s create is a 403 failure', async () => {
    const error = failureOf(await createKey({portal: sandbox.url, token: await signedIn('guest'), name: 'mine'}));
    assert.deepEqual([error.kind, error.kind === 'http' && error.status], ['http', 403]);
  });

  test('listKeys, updateKey and deleteKey: the key listed with its postfix, turned off, removed; a deleted key gets 401', async () => {
    const token = await signedIn();
    const created = await createKey({portal: sandbox.url, token, name: 'to revoke', permissions: ['*:read']});
    assert.ok(created.ok);
    const {id, key: secret} = created.key;
    const listed = await listKeys({portal: sandbox.url, token});
    assert.ok(listed.ok);
    const entry = listed.keys.find((key) => key.id === id);
    assert.deepEqual(entry && [entry.name, entry.keyPostfix, entry.permissions, entry.isActive], ['to revoke', secret.slice(-4), ['*:read'], true]);
    assert.ok(!JSON.stringify(listed).includes(secret));

    const off = await updateKey({portal: sandbox.url, token, keyId: id, isActive: false});
    assert.ok(off.ok);
    assert.equal(off.exchange?.request.body, '{"isActive":false}', 'only what changes is sent');
    assert.equal(off.exchange?.request.url, `${sandbox.url}/api/2.0/keys/${id}`);
    assert.equal(failureOf(await getSelf({portal: sandbox.url, token: secret})).kind, 'http');

    const removed = await deleteKey({portal: sandbox.url, token, keyId: id});
    assert.ok(removed.ok);
    assert.equal(removed.exchange?.request.method, 'DELETE');
    const gone = failureOf(await getSelf({portal: sandbox.url, token: secret}));
    assert.deepEqual([gone.kind, gone.kind === 'http' && gone.status], ['http', 401]);
    const again = failureOf(await deleteKey({portal: sandbox.url, token, keyId: id}));
    assert.deepEqual([again.kind, again.kind === 'http' && again.status], ['http', 404]);
  });

  test('createKey is sent once: a timeout is reported, not retried, and the key it made is there to list', async () => {
    const token = await signedIn();
    let posts = 0;
    // The portal makes the key, but its answer never reaches the client in time.
    const slowAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init && {...init, signal: undefined});
      if (init?.method === 'POST') posts++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      init?.signal?.throwIfAborted();
      return response;
    };
    const error = failureOf(await createKey({portal: sandbox.url, token, name: 'timed out', fetch: slowAnswer, timeoutMs: 50}));
    assert.equal(error.kind, 'timeout');
    assert.equal(posts, 1, 'one POST, no retry');
    const listed = await listKeys({portal: sandbox.url, token});
    assert.ok(listed.ok && listed.keys.some((key) => key.name === 'timed out'), 'the key was made all the same');
  });
});

describe('client through the proxy: the key calls relayed (sandbox without CORS)', () => {
  const sandbox = useSandbox({cors: false});
  let proxy: RunningPortalProxy;
  const lines: string[] = [];
  before(async () => {
    proxy = await startPortalProxy({allowLoopback: true, log: (entry) => lines.push(JSON.stringify(entry))});
  });
  after(() => proxy.close());

  test('create, use, list, revoke through the proxy; no log line holds the secret, the token or a key id', async () => {
    const via = {portal: sandbox.url, proxyUrl: proxy.proxyUrl};
    const signIn = await authenticate({...via, userName: 'demo', password: SANDBOX_PASSWORD});
    assert.ok(signIn.ok && signIn.step === 'token');
    const token = signIn.token.token;
    assert.ok((await listKeyScopes({...via, token})).ok);
    const created = await createKey({...via, token, name: 'via proxy', permissions: ['accounts:read']});
    assert.ok(created.ok, JSON.stringify(created));
    assert.equal(created.exchange?.via, 'proxy');
    const {id, key: secret} = created.key;
    const me = await getSelf({...via, token: secret});
    assert.ok(me.ok);
    assert.ok((await getSelfKey({...via, token: secret})).ok);
    assert.ok((await listKeys({...via, token})).ok);
    assert.ok((await updateKey({...via, token, keyId: id, name: 'renamed'})).ok);
    assert.ok((await deleteKey({...via, token, keyId: id})).ok);
    assert.equal(failureOf(await getSelf({...via, token: secret})).kind, 'http');

    const log = lines.join('\n');
    assert.match(log, /"path":"\/api\/2\.0\/keys\/\{keyId\}"/, 'a key id is logged as the contract writes it');
    for (const secretText of [secret, secret.slice(3), token, id]) assert.ok(!log.includes(secretText), `the log holds no ${secretText.slice(0, 6)}…`);
  });

  test('over HTTP the proxy refuses a neighbouring path and a PUT of another shape, before the portal sees them', async () => {
    const before = lines.length;
    const headers = {'x-portal-origin': sandbox.url, 'content-type': 'application/json'};
    const neighbour = await fetch(`${proxy.proxyUrl}/api/2.0/keys/x/y`, {headers});
    assert.deepEqual([neighbour.status, neighbour.headers.get('x-proxy-refusal')], [404, 'unknown-path']);
    await neighbour.body?.cancel();
    const put = await fetch(`${proxy.proxyUrl}/api/2.0/keys/75a5f745-f697-4418-b38d-0fe0d277e258`, {method: 'PUT', headers, body: JSON.stringify({isActive: false, isAdmin: true})});
    assert.deepEqual([put.status, put.headers.get('x-proxy-refusal')], [400, 'body-not-allowed']);
    assert.match(((await put.json()) as {error: {message: string}}).error.message, /name \(string\), permissions \(string\[\]\), and isActive \(boolean\) only/);
    assert.equal(lines.length - before, 2);
  });
});
