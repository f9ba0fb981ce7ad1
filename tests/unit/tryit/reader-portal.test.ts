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
