/** The six /api/2.0/keys calls on the sandbox over HTTP: the rules a portal keeps for API keys. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {KEY_CREATION_LIMIT, KEY_ID} from '../../src/docspace/contract';
import {DAY_MS, EXPIRES_PATTERN, assertEnvelope, assertError, call, self, tokenFor, useSandbox, type Answer} from './sandbox-harness';

const KEYS = '/api/2.0/keys';

describe('sandbox: API keys', () => {
  const sandbox = useSandbox();
  const send = (method: string, path: string, authorization?: string, body?: unknown): Promise<Answer> =>
    call(`${sandbox.url}${path}`, {
      method,
      headers: {...(authorization ? {Authorization: authorization} : {}), ...(body === undefined ? {} : {'Content-Type': 'application/json'})},
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const create = (token: string, body: unknown) => send('POST', KEYS, token, body);
  /** A new key's answer, checked to be a success; each test signs in afresh so the throttle is its own. */
  const created = async (token: string, body: Record<string, unknown> = {name: 'nightly export', permissions: ['accounts:read']}) => {
    const answer = await create(token, body);
    assertEnvelope(answer, `${sandbox.url}${KEYS}`, 'POST');
    return answer.json.response;
  };

  test('GET /keys/permissions: every scope, a flat alphabetical list, the same with a key as with the token', async () => {
    const token = await tokenFor(sandbox.url);
    const answer = await send('GET', `${KEYS}/permissions`, token);
    assertEnvelope(answer, `${sandbox.url}${KEYS}/permissions`, 'GET');
    const scopes: string[] = answer.json.response;
    assert.deepEqual(scopes, [...scopes].sort());
    for (const scope of ['*', '*:read', '*:write', 'accounts:read', 'files:write', 'rooms:write']) assert.ok(scopes.includes(scope), scope);
    assert.equal(answer.json.count, scopes.length);
    const key = await created(token, {name: 'scopes', permissions: ['files:read']});
    assert.deepEqual((await send('GET', `${KEYS}/permissions`, `Bearer ${key.key}`)).json.response, scopes);
  });

  test('POST /keys: the secret (sk-…) this once, its last four characters as keyPostfix, the scopes and expiry as asked', async () => {
    const token = await tokenFor(sandbox.url);
    const key = await created(token, {name: 'nightly export', permissions: ['accounts:read'], expiresInDays: 30});
    assert.match(key.id, KEY_ID);
    assert.match(key.key, /^sk-[0-9a-f]{48}$/);
    assert.equal(key.keyPostfix, key.key.slice(-4));
    assert.equal(key.name, 'nightly export');
    assert.deepEqual(key.permissions, ['accounts:read']);
    assert.equal(key.isActive, true);
    assert.match(key.createOn, EXPIRES_PATTERN);
    assert.equal(Date.parse(key.expiresAt) - Date.parse(key.createOn), 30 * DAY_MS);

    const listed = (await send('GET', KEYS, token)).json.response.find((entry: {id: string}) => entry.id === key.id);
    assert.ok(listed, 'the new key is listed');
    assert.equal(listed.keyPostfix, key.keyPostfix);
    assert.ok(!('key' in listed), 'no later read carries the secret');
    const text = (await send('GET', KEYS, token)).text;
    assert.ok(!text.includes(key.key), 'the list never holds a secret');
  });

  test('POST /keys: without permissions the key is unrestricted (*); without expiresInDays it never expires; every call makes a new key', async () => {
    const token = await tokenFor(sandbox.url);
    const first = await created(token, {name: 'deploy'});
    const second = await created(token, {name: 'deploy'});
    assert.deepEqual(first.permissions, ['*']);
    assert.equal(first.expiresAt, undefined);
    assert.notEqual(first.id, second.id, 'not idempotent: the same body twice is two keys');
    assert.notEqual(first.key, second.key);
  });

  test('POST /keys: an empty or unknown scope, no name or a bad expiry is 400, and no key is made', async () => {
    const token = await tokenFor(sandbox.url);
    const before = (await send('GET', KEYS, token)).json.response.length;
    assertError(await create(token, {name: 'x', permissions: []}), 400, /at least one scope/);
    assertError(await create(token, {name: 'x', permissions: ['accounts:read', 'files:destroy']}), 400, 'Unknown permission: files:destroy');
    assertError(await create(token, {permissions: ['*']}), 400, 'The API key needs a name');
    assertError(await create(token, {name: '  '}), 400, 'The API key needs a name');
    for (const expiresInDays of [0, -1, 1.5, '30']) assertError(await create(token, {name: 'x', expiresInDays}), 400, /expiresInDays/);
    assertError(await send('POST', KEYS, token, ['not', 'an', 'object']), 400, /JSON object/);
    assert.equal((await send('GET', KEYS, token)).json.response.length, before);
  });

  test('Bearer sk-… works wherever the token does: @self, the key calls; GET /keys/@self names the key', async () => {
    const token = await tokenFor(sandbox.url);
    const key = await created(token);
    const bearer = `Bearer ${key.key}`;
    const profile = await self(sandbox.url, bearer);
    assert.equal(profile.response.status, 200);
    assert.equal(profile.json.response.userName, 'demo');
    const selfKey = await send('GET', `${KEYS}/@self`, bearer);
    assertEnvelope(selfKey, `${sandbox.url}${KEYS}/@self`, 'GET');
    assert.equal(selfKey.json.response.id, key.id);
    assert.match(selfKey.json.response.lastUsed, EXPIRES_PATTERN, 'using a key dates it');
    assert.equal((await send('GET', KEYS, bearer)).response.status, 200);
    assert.equal((await self(sandbox.url, key.key)).response.status, 401, 'a key counts only as Bearer');
    assertError(await send('GET', `${KEYS}/@self`, token), 404, 'The API key was not found');
  });

  test('a key acts within its scopes: one without accounts read gets 403 on @self', async () => {
    const token = await tokenFor(sandbox.url);
    const files = await created(token, {name: 'files only', permissions: ['files:read']});
    assertError(await self(sandbox.url, `Bearer ${files.key}`), 403, 'Access denied');
    for (const scope of ['*', '*:read', 'accounts:write']) {
      const key = await created(token, {name: scope, permissions: [scope]});
      assert.equal((await self(sandbox.url, `Bearer ${key.key}`)).response.status, 200, scope);
    }
  });

  test('an expired key stops working at its expiry and stays listed', async () => {
    const token = await tokenFor(sandbox.url);
    const key = await created(token, {name: 'one day', expiresInDays: 1});
    sandbox.clock.advance(DAY_MS - 1);
    assert.equal((await self(sandbox.url, `Bearer ${key.key}`)).response.status, 200);
    sandbox.clock.advance(1);
    const expired = await self(sandbox.url, `Bearer ${key.key}`);
    assert.equal(expired.response.status, 401);
    assert.equal(expired.text, '');
    assert.ok((await send('GET', KEYS, token)).json.response.some((entry: {id: string}) => entry.id === key.id));
  });

  test('PUT /keys/{keyId}: isActive false stops the key, true starts it again; name and permissions are replaced', async () => {
    const token = await tokenFor(sandbox.url);
    const key = await created(token);
    const put = (body: unknown) => send('PUT', `${KEYS}/${key.id}`, token, body);
    const off = await put({isActive: false});
    assertEnvelope(off, `${sandbox.url}${KEYS}/${key.id}`, 'PUT');
    assert.equal(off.json.response, true);
    assert.equal((await self(sandbox.url, `Bearer ${key.key}`)).response.status, 401);
    const listed = () => send('GET', KEYS, token).then((answer) => answer.json.response.find((entry: {id: string}) => entry.id === key.id));
    assert.equal((await listed()).isActive, false, 'an inactive key stays listed');
    await put({isActive: true, name: 'renamed', permissions: ['*:read']});
    assert.equal((await self(sandbox.url, `Bearer ${key.key}`)).response.status, 200);
    assert.deepEqual([(await listed()).name, (await listed()).permissions], ['renamed', ['*:read']]);
    assertError(await put({permissions: []}), 400, /at least one scope/);
    assertError(await put({permissions: ['nope']}), 400, 'Unknown permission: nope');
    assertError(await put({isActive: 'no'}), 400, /isActive/);
    assertError(await send('PUT', `${KEYS}/00000000-0000-4000-8000-000000000000`, token, {isActive: false}), 404, 'The API key was not found');
  });

  test('DELETE /keys/{keyId}: a plain true, the key is gone for good (401, no longer listed, a second delete 404)', async () => {
    const token = await tokenFor(sandbox.url);
    const key = await created(token);
    const removed = await send('DELETE', `${KEYS}/${key.id}`, token);
    assertEnvelope(removed, `${sandbox.url}${KEYS}/${key.id}`, 'DELETE');
    assert.equal(removed.json.response, true);
    assert.equal((await self(sandbox.url, `Bearer ${key.key}`)).response.status, 401);
    assert.ok(!(await send('GET', KEYS, token)).json.response.some((entry: {id: string}) => entry.id === key.id));
    assertError(await send('DELETE', `${KEYS}/${key.id}`, token), 404, 'The API key was not found');
  });

  test('an administrator lists every key of the portal, anyone else only their own, and may touch only those', async () => {
    const admin = await tokenFor(sandbox.url, 'demo');
    const ownKey = await created(admin, {name: 'admin key'});
    const guestToken = await tokenFor(sandbox.url, 'guest');
    const guestList = await send('GET', KEYS, guestToken);
    assert.equal(guestList.response.status, 200);
    assert.ok(!guestList.json.response.some((entry: {id: string}) => entry.id === ownKey.id), 'another account does not see the admin key');
    assertError(await send('DELETE', `${KEYS}/${ownKey.id}`, guestToken), 404, 'The API key was not found');
    assert.ok((await send('GET', KEYS, admin)).json.response.some((entry: {id: string}) => entry.id === ownKey.id));
  });

  test('a guest may not create keys nor read the scopes (403); the guest signs in and reads its profile as usual', async () => {
    const guest = await tokenFor(sandbox.url, 'guest');
    assert.equal((await self(sandbox.url, guest)).json.response.isVisitor, true);
    assertError(await create(guest, {name: 'mine'}), 403, 'Access denied');
    assertError(await send('GET', `${KEYS}/permissions`, guest), 403, 'Access denied');
  });

  test(`creating is throttled: past ${KEY_CREATION_LIMIT.max} keys a minute from one account and address, 429 until the minute is over`, async () => {
    const token = await tokenFor(sandbox.url);
    sandbox.clock.advance(KEY_CREATION_LIMIT.windowMs); // the earlier tests' creations are out of the window
    for (let i = 0; i < KEY_CREATION_LIMIT.max; i++) await created(token, {name: `k${i}`});
    assertError(await create(token, {name: 'one too many'}), 429, /Too many API keys/);
    sandbox.clock.advance(KEY_CREATION_LIMIT.windowMs);
    await created(token, {name: 'after the minute'});
  });

  test('without a credential, or with an unknown key: 401 with an empty body on every key call', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [['GET', `${KEYS}/permissions`], ['POST', KEYS], ['GET', KEYS], ['GET', `${KEYS}/@self`], ['PUT', `${KEYS}/${id}`], ['DELETE', `${KEYS}/${id}`]]) {
      for (const authorization of [undefined, 'Bearer sk-0000000000000000']) {
        const answer = await send(method, path, authorization, method === 'POST' || method === 'PUT' ? {name: 'x'} : undefined);
        assert.equal(answer.response.status, 401, `${method} ${path} ${authorization}`);
        assert.equal(answer.text, '');
      }
    }
  });
});
