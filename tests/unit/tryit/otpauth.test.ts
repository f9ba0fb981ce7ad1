import assert from 'node:assert/strict';
import {test} from 'node:test';
import {otpauthUri} from '../../../src/components/TryIt/SetupKey/otpauth';

test('otpauthUri: the key URI an authenticator app reads, issuer and account in the label, the issuer again as a parameter', () => {
  assert.equal(
    otpauthUri({key: 'JBSWY3DPEHPK3PXP', issuer: 'portal.example.com', account: 'sam'}),
    'otpauth://totp/portal.example.com:sam?secret=JBSWY3DPEHPK3PXP&issuer=portal.example.com',
  );
});

test('otpauthUri: the label and issuer are URL-encoded, so a port, an email, spaces and a colon read back as they were', () => {
  const uri = new URL(otpauthUri({key: 'JBSW Y3DP EHPK 3PXP', issuer: '127.0.0.1:8092', account: 'sam setup+1@example.com:x'}));
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.host, 'totp');
  // The one colon left in the label is the separator between issuer and account.
  const [issuer, account, ...more] = uri.pathname.slice(1).split(':');
  assert.deepEqual([decodeURIComponent(issuer), decodeURIComponent(account), more], ['127.0.0.1:8092', 'sam setup+1@example.com:x', []]);
  // The spaces a portal may group a key with are not part of it.
  assert.equal(uri.searchParams.get('secret'), 'JBSWY3DPEHPK3PXP');
  assert.equal(uri.searchParams.get('issuer'), '127.0.0.1:8092');
});

test('otpauthUri: without a user name, the label is the issuer alone', () => {
  assert.equal(otpauthUri({key: 'ABC', issuer: 'a.example'}), 'otpauth://totp/a.example?secret=ABC&issuer=a.example');
});
