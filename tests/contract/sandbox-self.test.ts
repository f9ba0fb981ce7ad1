/** GET /api/2.0/people/@self and POST /api/2.0/authentication/logout on the sandbox. */
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {SANDBOX_ACCOUNTS} from '../../servers/sandbox/accounts';
import {DAY_MS, assertEnvelope, call, self, signIn, tokenFor, useSandbox} from './sandbox-harness';

/** 401 with nothing in the body: no JSON, no envelope. */
function assertEmpty401(answer: {response: Response; text: string}): void {
  assert.equal(answer.response.status, 401);
  assert.equal(answer.text, '');
}

describe('sandbox: GET /api/2.0/people/@self', () => {
  const sandbox = useSandbox();

  test('with a bare token: the profile in the envelope, shaped as the contract says', async () => {
    const token = await tokenFor(sandbox.url);
    const answer = await self(sandbox.url, token);
    assertEnvelope(answer, `${sandbox.url}/api/2.0/people/@self`, 'GET');
    const profile = answer.json.response;
    const demo = SANDBOX_ACCOUNTS.find((account) => account.userName === 'demo');
    assert.equal(profile.id, demo?.id);
    assert.match(profile.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(profile.displayName, 'Dana Demo');
    assert.equal(profile.firstName, 'Dana');
    assert.equal(profile.lastName, 'Demo');
    assert.equal(profile.userName, 'demo');
    assert.equal(profile.email, demo?.email);
    assert.equal(profile.profileUrl, `${sandbox.url}/accounts/people/filter?search=${encodeURIComponent(demo?.email ?? '')}`);
    assert.equal(profile.status, 1);
    assert.equal(profile.activationStatus, 1);
    for (const flag of ['isAdmin', 'isOwner', 'isVisitor', 'isCollaborator', 'isRoomAdmin', 'isLDAP', 'isSSO', 'hasAvatar']) {
      assert.equal(typeof profile[flag], 'boolean', flag);
    }
    assert.deepEqual(profile.groups, []);
    assert.equal(profile.cultureName, 'en-US');
  });

  test('with "Bearer <token>": the same profile', async () => {
    const token = await tokenFor(sandbox.url);
    const answer = await self(sandbox.url, `Bearer ${token}`);
    assert.equal(answer.response.status, 200);
    assert.equal(answer.json.response.userName, 'demo');
  });

  test('with the asc_auth_key cookie the sign-in set: the profile, as on a portal', async () => {
    const token = await tokenFor(sandbox.url);
    const answer = await self(sandbox.url, undefined, {Cookie: `asc_auth_key=${token}`});
    assert.equal(answer.response.status, 200);
  });

  test('avatars are portal-relative paths the sandbox serves as small SVG images', async () => {
    const profile = (await self(sandbox.url, await tokenFor(sandbox.url))).json.response;
    for (const field of ['avatar', 'avatarSmall', 'avatarMedium', 'avatarMax', 'avatarOriginal']) {
      assert.match(profile[field], /^\/[^/]/, `${field} is relative to the portal`);
      const image = await call(new URL(profile[field], sandbox.url).href);
      assert.equal(image.response.status, 200, field);
      assert.equal(image.response.headers.get('content-type'), 'image/svg+xml');
      assert.match(image.text, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(image.text, />DD<\/text>/);
      assert.doesNotMatch(image.text, /<script/i);
    }
  });

  test('an avatar path for no account is 404', async () => {
    const answer = await call(`${sandbox.url}/storage/userPhotos/root/00000000-0000-4000-8000-000000000000_size_82-82.svg`);
    assert.equal(answer.response.status, 404);
  });

  test('without a token: 401 with an empty body', async () => {
    assertEmpty401(await self(sandbox.url));
  });

  test('with an unknown token: 401 with an empty body', async () => {
    assertEmpty401(await self(sandbox.url, 'bm90LWEtdG9rZW4='));
    assertEmpty401(await self(sandbox.url, 'Bearer bm90LWEtdG9rZW4='));
  });

  test('a token stops working one year after it was issued', async () => {
    const token = await tokenFor(sandbox.url);
    sandbox.clock.advance(365 * DAY_MS - 1);
    assert.equal((await self(sandbox.url, token)).response.status, 200);
    sandbox.clock.advance(1);
    assertEmpty401(await self(sandbox.url, token));
  });

  test('a session token has no expiry of its own', async () => {
    const token = (await signIn(sandbox.url, 'demo', {session: true})).json.response.token;
    sandbox.clock.advance(2 * 365 * DAY_MS);
    assert.equal((await self(sandbox.url, token)).response.status, 200);
  });
});

describe('sandbox: POST /api/2.0/authentication/logout', () => {
  const sandbox = useSandbox();
  const logout = (authorization?: string) =>
    call(`${sandbox.url}/api/2.0/authentication/logout`, {
      method: 'POST',
      headers: authorization ? {Authorization: authorization} : {},
    });

  test('ends the token: 200 envelope, cookie cleared, then @self is 401', async () => {
    const token = await tokenFor(sandbox.url);
    const answer = await logout(token);
    assertEnvelope(answer, `${sandbox.url}/api/2.0/authentication/logout`, 'POST');
    assert.match(answer.response.headers.get('set-cookie') ?? '', /^asc_auth_key=;.*Max-Age=0/);
    assertEmpty401(await self(sandbox.url, token));
    assertEmpty401(await logout(token));
  });

  test('works with "Bearer <token>" and ends only that token', async () => {
    const first = await tokenFor(sandbox.url);
    const second = await tokenFor(sandbox.url);
    assert.equal((await logout(`Bearer ${first}`)).response.status, 200);
    assertEmpty401(await self(sandbox.url, first));
    assert.equal((await self(sandbox.url, second)).response.status, 200);
  });

  test('without a token: 401 with an empty body', async () => {
    assertEmpty401(await logout());
  });
});
