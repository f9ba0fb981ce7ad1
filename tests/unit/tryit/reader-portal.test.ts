import '../support/dom';
import assert from 'node:assert/strict';
import {test} from 'node:test';

// localStorage is anyone's to edit (another script, a shared machine): the remembered host is
// checked with the widget's own rule before the widget or any Example uses it.
test('a remembered host with shell characters is ignored, so neither the widget nor an example shows it', async () => {
  localStorage.setItem('docspace-guide:portal', 'https://a$(id)x.com');
  const {getReaderPortal, setReaderPortal} = await import('../../../src/readerPortal');
  assert.equal(getReaderPortal().portalOrigin, undefined);
  setReaderPortal({portalOrigin: 'https://portal.example.com'});
  assert.equal(localStorage.getItem('docspace-guide:portal'), 'https://portal.example.com');
});

test('the user name is shared with the examples in memory only, and a change is announced once', async () => {
  const {getReaderPortal, setReaderPortal} = await import('../../../src/readerPortal');
  setReaderPortal({userName: 'dana@example.com'});
  assert.equal(getReaderPortal().userName, 'dana@example.com');
  for (let i = 0; i < localStorage.length; i += 1) assert.ok(!localStorage.getItem(localStorage.key(i)!)?.includes('dana'), 'the user name reached storage');
  const before = getReaderPortal();
  setReaderPortal({userName: 'dana@example.com'});
  assert.equal(getReaderPortal(), before, 'the same name again changes nothing');
  setReaderPortal({userName: 'other'});
  assert.notEqual(getReaderPortal(), before);
});
