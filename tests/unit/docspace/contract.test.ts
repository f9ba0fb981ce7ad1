import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PORTAL_CALLS, SECOND_FACTOR_CODE, callsAt, fitsShape, pathOf, type PortalCall, type PortalCallName} from '../../../src/docspace/contract';
import {matchRoute} from '../../../servers/proxy/routes';
import {SANDBOX_CODE} from '../../../servers/sandbox/accounts';
import {createSandbox} from '../../../servers/sandbox/handler';

const NAMES = Object.keys(PORTAL_CALLS) as PortalCallName[];
/** A value of each path parameter as a client sends it. */
const SAMPLES: Record<string, string> = {code: SANDBOX_CODE, keyId: '75a5f745-f697-4418-b38d-0fe0d277e258'};
/** Each call's path with its parameters filled in as a client sends them. */
const filled = (name: PortalCallName) => PORTAL_CALLS[name].path.replace(/\{(\w+)\}/g, (_, param: string) => SAMPLES[param]);

test('pathOf fills each {name} segment, URI-encoded, and leaves a path without parameters as it is', () => {
  assert.equal(pathOf(PORTAL_CALLS.confirmCode, {code: '123456'}), '/api/2.0/authentication/123456');
  assert.equal(pathOf(PORTAL_CALLS.confirmCode, {code: '12/34?5'}), '/api/2.0/authentication/12%2F34%3F5');
  assert.equal(pathOf(PORTAL_CALLS.getSelf, {}), '/api/2.0/people/@self');
});

test('callsAt finds each call at its own path and no other call there with its method', () => {
  for (const name of NAMES) {
    const found = callsAt(filled(name));
    assert.ok(found.includes(name), name);
    assert.deepEqual(found.filter((other) => PORTAL_CALLS[other].method === PORTAL_CALLS[name].method), [name], name);
  }
});

test('callsAt holds a {keyId} segment to a GUID: permissions, @self and anything else are not a key id', () => {
  assert.deepEqual(callsAt(filled('updateKey')), ['updateKey', 'deleteKey']);
  for (const segment of ['x', '75A5F745-F697-4418-B38D-0FE0D277E258x', '75a5f745f6974418b38d0fe0d277e258', 'sk-0123']) {
    assert.deepEqual(callsAt(`/api/2.0/keys/${segment}`), [], segment);
  }
  assert.deepEqual(callsAt(`${filled('updateKey')}/x`), []);
  assert.deepEqual(callsAt('/api/2.0/keys/x/y'), []);
});

test('fitsShape: only the shape\'s fields, each of its type, the required ones present', () => {
  const {body} = PORTAL_CALLS.createKey;
  assert.ok(fitsShape(body, {name: 'n'}));
  assert.ok(fitsShape(body, {name: 'n', permissions: ['accounts:read'], expiresInDays: 30}));
  for (const other of [{}, {permissions: ['*']}, {name: 1}, {name: 'n', permissions: 'x'}, {name: 'n', permissions: [1]}, {name: 'n', expiresInDays: 1.5}, {name: 'n', isActive: true}, {name: 'n', toString: 'x'}, [], null, 'n']) {
    assert.equal(fitsShape(body, other), false, JSON.stringify(other));
  }
  assert.ok(fitsShape(PORTAL_CALLS.updateKey.body, {}));
  assert.equal(fitsShape(PORTAL_CALLS.updateKey.body, {userName: 'demo'}), false);
});

test('callsAt holds a {name} segment to its pattern: only a six-digit code is confirmCode', () => {
  assert.ok(SECOND_FACTOR_CODE.test(SANDBOX_CODE), 'the sandbox code is a code as portals issue them');
  for (const segment of ['12345', '1234567', 'sendsms', 'logout2', '', '12345a']) {
    assert.deepEqual(callsAt(`/api/2.0/authentication/${segment}`), [], segment);
  }
  for (const path of ['/api/2.0/authentication/123456/x', '/api/2.0', '/api/2.0/people', '/api/2.0/people/@self/', 'api/2.0/authentication']) {
    assert.deepEqual(callsAt(path), [], path);
  }
});

test('every call of the contract is relayed by the proxy with the token exactly when it takes one, and answered by the sandbox', async () => {
  const sandbox = createSandbox();
  for (const name of NAMES) {
    const call = PORTAL_CALLS[name];
    const path = filled(name);
    const matched = matchRoute(call.method, new URL(`https://docs.example.com/portal-proxy${path}`), '/portal-proxy');
    assert.ok(matched.ok, `${name}: ${JSON.stringify(matched)}`);
    assert.deepEqual([matched.route.apiPath, matched.route.logPath, matched.route.forwardsAuthorization], [path, call.path, call.withToken], name);
    assert.equal(matched.route.body, (call as PortalCall).body, `${name}: the proxy holds the body to the contract's shape`);

    const response = await sandbox.fetch(new Request(`http://127.0.0.1:8092${path}`, {method: call.method, headers: {'content-type': 'application/json'}, body: call.method === 'GET' ? undefined : '{}'}));
    // Not the sandbox's "no such resource": the call reached its answer (here a refusal, as nobody signed in).
    assert.notEqual(response.status, 404, name);
    assert.ok([400, 401].includes(response.status), `${name} answered ${response.status}`);
    await response.body?.cancel();
  }
  sandbox.close();
});
