import assert from 'node:assert/strict';
import {test} from 'node:test';
import {localeNote} from '../../../scripts/start';

test('npm start says which locale it serves and how to start the other', () => {
  assert.match(localeNote([]), /English site only.*For Chinese: npm start -- --locale zh-Hans/);
  assert.match(localeNote(['--port', '3001']), /For Chinese: npm start -- --locale zh-Hans/);
  assert.match(localeNote(['--locale', 'zh-Hans']), /Chinese site only.*For English: npm start$/);
  assert.match(localeNote(['--locale=zh-Hans']), /Chinese site only/);
});
