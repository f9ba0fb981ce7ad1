import {test} from 'node:test';
import assert from 'node:assert/strict';
import {isSessionExpiry, parseExpires} from '../../../src/docspace';

const iso = (raw: string) => parseExpires(raw)?.toISOString();

test('seven fractional digits with Z, as portals send them', () => {
  assert.equal(iso('2027-08-13T10:15:30.1234567Z'), '2027-08-13T10:15:30.123Z');
  assert.equal(iso('2027-08-13T10:15:30.9999999Z'), '2027-08-13T10:15:30.999Z');
  assert.equal(iso('2027-08-13T10:15:30.5Z'), '2027-08-13T10:15:30.500Z');
  assert.equal(iso('2027-08-13T10:15:30Z'), '2027-08-13T10:15:30.000Z');
});

test('offsets, as the guide shows them, move the time to UTC', () => {
  assert.equal(iso('2027-08-13T13:15:30.1234567+03:00'), '2027-08-13T10:15:30.123Z');
  assert.equal(iso('2027-08-13T05:45:30-04:30'), '2027-08-13T10:15:30.000Z');
  assert.equal(iso('2027-01-01T01:00:00+0200'), '2026-12-31T23:00:00.000Z');
  assert.equal(iso('2027-08-13T10:15:30.1234567'), '2027-08-13T10:15:30.123Z', 'no zone reads as UTC');
});

test('the session value means no expiry of its own', () => {
  assert.equal(parseExpires('0001-01-01T00:00:00'), null);
  assert.equal(parseExpires('0001-01-01T00:00:00.0000000Z'), null);
  assert.ok(isSessionExpiry('0001-01-01T00:00:00'));
  assert.ok(isSessionExpiry('0001-01-01T00:00:00.0000000+00:00'));
  assert.ok(!isSessionExpiry('2027-08-13T10:15:30.1234567Z'));
  assert.ok(!isSessionExpiry(''));
});

test('anything else is no date rather than a wrong one', () => {
  for (const garbage of [
    '',
    'tomorrow',
    '2027-08-13',
    '2027-13-01T00:00:00Z',
    '2027-02-30T00:00:00Z',
    '2027-08-13T24:00:00Z',
    '2027-08-13T10:60:00Z',
    '2027-08-13T10:15:30.12345678Z',
    '2027-08-13T10:15:30+25:00',
    '2027-08-13 10:15:30Z',
    ' 2027-08-13T10:15:30Z trailing',
  ]) {
    assert.equal(parseExpires(garbage), null, garbage);
    assert.ok(!isSessionExpiry(garbage), garbage);
  }
  for (const notText of [undefined, null, 1_786_000_000_000, {}]) assert.equal(parseExpires(notText), null);
});

test('early years are not shifted into the 1900s', () => {
  assert.equal(iso('0050-06-01T00:00:00Z'), '0050-06-01T00:00:00.000Z');
});
