/** The API key part's reducer (src/components/TryIt/state/keys.ts) on plain states: what is sent when, and what is kept. */
import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ApiKeyInfo, CreatedApiKey, DocSpaceFailure} from '../../../src/docspace';
import {initialKeysState, keysBusy, keysReducer, leastPrivilege, type KeysEvent, type KeysState} from '../../../src/components/TryIt/state/keys';

const SCOPES = ['*', '*:read', '*:write', 'accounts:read', 'files:read'];
const INFO: ApiKeyInfo = {id: '75a5f745-f697-4418-b38d-0fe0d277e258', name: 'cron', keyPostfix: 'abcd', permissions: ['accounts:read'], isActive: true};
const CREATED: CreatedApiKey = {...INFO, key: 'sk-00000000abcd'};
const TIMEOUT: DocSpaceFailure = {kind: 'timeout', timeoutMs: 15_000, message: 'POST https://p.example.com/api/2.0/keys got no answer within 15 s.'};

const run = (state: KeysState, ...events: KeysEvent[]) => events.reduce(keysReducer, state);
/** Scopes and list loaded, nothing pending. */
const ready = (): KeysState => run(initialKeysState(), {type: 'scopes-done', result: {ok: true, scopes: SCOPES}}, {type: 'list-done', result: {ok: true, keys: []}});
const NEW_KEY = {name: 'cron', permissions: ['accounts:read'], expiresInDays: 30};

test('starts with the scopes, then the list; idle once both came', () => {
  assert.deepEqual(initialKeysState().pending, {call: 'scopes'});
  const listing = run(initialKeysState(), {type: 'scopes-done', result: {ok: true, scopes: SCOPES}});
  assert.deepEqual([listing.scopes, listing.pending], [SCOPES, {call: 'list'}]);
  assert.equal(keysBusy(ready()), false);
});

test('least privilege: accounts:read alone when the portal has it, nothing otherwise', () => {
  assert.deepEqual(leastPrivilege(SCOPES), ['accounts:read']);
  assert.deepEqual(leastPrivilege(['*', 'files:read']), []);
});

test('a create goes out once: a second press while it is out, or an empty name or scope list, sends nothing', () => {
  const creating = run(ready(), {type: 'create', key: NEW_KEY});
  assert.deepEqual(creating.pending, {call: 'create', key: NEW_KEY});
  assert.equal(run(creating, {type: 'create', key: {...NEW_KEY, name: 'other'}}), creating);
  assert.equal(run(ready(), {type: 'create', key: {...NEW_KEY, name: ' '}}).pending, undefined);
  assert.equal(run(ready(), {type: 'create', key: {...NEW_KEY, permissions: []}}).pending, undefined);
});

test('a created key keeps its secret for the reader, and the list follows', () => {
  const created = run(ready(), {type: 'create', key: NEW_KEY}, {type: 'create-done', result: {ok: true, key: CREATED}});
  assert.equal(created.created?.key, CREATED.key);
  assert.deepEqual(created.pending, {call: 'list'});
});

test('a failed create is reported and never resent: nothing pending after it, whatever the failure', () => {
  for (const error of [TIMEOUT, {kind: 'network', message: ''} as const, {kind: 'http', status: 429, message: ''} as const]) {
    const failed = run(ready(), {type: 'create', key: NEW_KEY}, {type: 'create-done', result: {ok: false, error}});
    assert.deepEqual(failed.failure, {call: 'create', error});
    assert.equal(failed.pending, undefined, error.kind);
    assert.equal(failed.created, undefined);
  }
});

test('dismiss drops the secret; so does revoking the new key; revoking another key keeps it', () => {
  const created = run(ready(), {type: 'create', key: NEW_KEY}, {type: 'create-done', result: {ok: true, key: CREATED}}, {type: 'list-done', result: {ok: true, keys: [INFO]}});
  assert.equal(run(created, {type: 'dismiss'}).created, undefined);
  const other = '00000000-0000-4000-8000-000000000000';
  const keptAfterOther = run(created, {type: 'revoke', keyId: other}, {type: 'revoke-done', keyId: other, result: {ok: true}});
  assert.equal(keptAfterOther.created?.key, CREATED.key);
  const revoked = run(created, {type: 'revoke', keyId: INFO.id}, {type: 'revoke-done', keyId: INFO.id, result: {ok: true}});
  assert.equal(revoked.created, undefined);
  assert.deepEqual(revoked.pending, {call: 'list'});
});

test('try sends the new key\'s secret to /keys/@self and names the key the portal knows; late or foreign answers change nothing', () => {
  const created = run(ready(), {type: 'create', key: NEW_KEY}, {type: 'create-done', result: {ok: true, key: CREATED}}, {type: 'list-done', result: {ok: true, keys: [INFO]}});
  const trying = run(created, {type: 'try'});
  assert.deepEqual(trying.pending, {call: 'try', secret: CREATED.key});
  const tried = run(trying, {type: 'try-done', result: {ok: true, key: INFO}});
  assert.equal(tried.triedAs, 'cron');
  assert.equal(run(ready(), {type: 'try'}).pending, undefined, 'no key, nothing to try');
  assert.equal(run(tried, {type: 'create-done', result: {ok: true, key: CREATED}}), tried, 'an answer nobody waits for');
  const revoking = run(created, {type: 'revoke', keyId: INFO.id});
  assert.equal(run(revoking, {type: 'revoke-done', keyId: 'another', result: {ok: true}}), revoking);
});
