import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeRole, describeStatus, type PortalProfile} from '../../src/docspace';

const profile = (fields: Partial<PortalProfile>): PortalProfile => ({id: '1', displayName: 'Dana Demo', ...fields});

test('the role is the highest the flags give', () => {
  assert.equal(describeRole(profile({isOwner: true, isAdmin: true})), 'owner');
  assert.equal(describeRole(profile({isAdmin: true, isRoomAdmin: true})), 'admin');
  assert.equal(describeRole(profile({isRoomAdmin: true})), 'room admin');
  assert.equal(describeRole(profile({isCollaborator: true})), 'user');
  assert.equal(describeRole(profile({isVisitor: true})), 'guest');
  assert.equal(describeRole(profile({isAdmin: false, isOwner: false, isVisitor: false})), 'user');
});

test('status and activation in words', () => {
  assert.equal(describeStatus(profile({status: 1, activationStatus: 1})), 'active (activated)');
  assert.equal(describeStatus(profile({status: 2, activationStatus: 1})), 'terminated (activated)');
  assert.equal(describeStatus(profile({status: 4, activationStatus: 2})), 'pending (activation pending)');
  assert.equal(describeStatus(profile({status: 1, activationStatus: 0})), 'active (not activated)');
  assert.equal(describeStatus(profile({status: 1, activationStatus: 4})), 'active (auto-generated)');
  assert.equal(describeStatus(profile({status: 1})), 'active');
  assert.equal(describeStatus(profile({})), 'unknown status');
  assert.equal(describeStatus(profile({status: 9, activationStatus: 9})), 'unknown status');
});
