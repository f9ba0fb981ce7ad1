import {test} from 'node:test';
import assert from 'node:assert/strict';
import {accountStatus, describeRole, type PortalProfile} from '../../../src/docspace';

const profile = (fields: Partial<PortalProfile>): PortalProfile => ({id: '1', displayName: 'Dana Demo', ...fields});

test('the role is the highest the flags give', () => {
  assert.equal(describeRole(profile({isOwner: true, isAdmin: true})), 'owner');
  assert.equal(describeRole(profile({isAdmin: true, isRoomAdmin: true})), 'admin');
  assert.equal(describeRole(profile({isRoomAdmin: true})), 'room admin');
  assert.equal(describeRole(profile({isCollaborator: true})), 'user');
  assert.equal(describeRole(profile({isVisitor: true})), 'guest');
  assert.equal(describeRole(profile({isAdmin: false, isOwner: false, isVisitor: false})), 'user');
});

test('status and activation as names, undefined for a number DocSpace does not define', () => {
  assert.deepEqual(accountStatus(profile({status: 1, activationStatus: 1})), {status: 'active', activation: 'activated'});
  assert.deepEqual(accountStatus(profile({status: 2, activationStatus: 1})), {status: 'terminated', activation: 'activated'});
  assert.deepEqual(accountStatus(profile({status: 4, activationStatus: 2})), {status: 'pending', activation: 'activation-pending'});
  assert.deepEqual(accountStatus(profile({status: 1, activationStatus: 0})), {status: 'active', activation: 'not-activated'});
  assert.deepEqual(accountStatus(profile({status: 1, activationStatus: 4})), {status: 'active', activation: 'auto-generated'});
  assert.deepEqual(accountStatus(profile({status: 1})), {status: 'active', activation: undefined});
  assert.deepEqual(accountStatus(profile({})), {status: undefined, activation: undefined});
  assert.deepEqual(accountStatus(profile({status: 9, activationStatus: 9})), {status: undefined, activation: undefined});
});
