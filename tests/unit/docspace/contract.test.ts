import assert from 'node:assert/strict';
import {test} from 'node:test';
import {PORTAL_CALLS, SECOND_FACTOR_CODE, callsAt, pathOf, type PortalCallName} from '../../../src/docspace/contract';
import {matchRoute} from '../../../servers/proxy/routes';
import {SANDBOX_CODE} from '../../../servers/sandbox/accounts';
import {createSandbox} from '../../../servers/sandbox/handler';

const NAMES = Object.keys(PORTAL_CALLS) as PortalCallName[];
/** Each call's path with its parameters filled in as a client sends them. */
const filled = (name: PortalCallName) => (name === 'confirmCode' ? pathOf(PORTAL_CALLS.confirmCode, {code: SANDBOX_CODE}) : PORTAL_CALLS[name].path);

test('pathOf fills each {name} segment, URI-encoded, and leaves a path without parameters as it is', () => {
  assert.equal(pathOf(PORTAL_CALLS.confirmCode, {code: '123456'}), '/api/2.0/authentication/123456');
  assert.equal(pathOf(PORTAL_CALLS.confirmCode, {code: '12/34?5'}), '/api/2.0/authentication/12%2F34%3F5');
  assert.equal(pathOf(PORTAL_CALLS.getSelf, {}), '/api/2.0/people/@self');
});

test('callsAt finds each call at its own path and no other call there', () => {
  for (const name of NAMES) assert.deepEqual(callsAt(filled(name)), [name], name);
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

    const response = await sandbox.fetch(new Request(`http://127.0.0.1:8092${path}`, {method: call.method, headers: {'content-type': 'application/json'}, body: call.method === 'GET' ? undefined : '{}'}));
    // Not the sandbox's "no such resource": the call reached its answer (here a refusal, as nobody signed in).
    assert.notEqual(response.status, 404, name);
    assert.ok([400, 401].includes(response.status), `${name} answered ${response.status}`);
  }
  sandbox.close();
});
