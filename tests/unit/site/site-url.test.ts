import assert from 'node:assert/strict';
import {test} from 'node:test';
import {DEFAULT_SITE_URL, siteUrlFrom} from '../../../scripts/site-url';

test('SITE_URL is the site’s origin, by default where npm run serve answers', () => {
  assert.equal(siteUrlFrom(undefined), DEFAULT_SITE_URL);
  assert.equal(siteUrlFrom(''), 'http://127.0.0.1:3000');
  assert.equal(siteUrlFrom('https://docs.example.com'), 'https://docs.example.com');
  assert.equal(siteUrlFrom('https://docs.example.com/'), 'https://docs.example.com');
});

test('a SITE_URL that is not an origin is refused with what it must look like', () => {
  assert.throws(() => siteUrlFrom('docs.example.com'), /SITE_URL must be the site's address with http:\/\/ or https:\/\/, like https:\/\/docs.example.com, not "docs.example.com"/);
  assert.throws(() => siteUrlFrom('ftp://docs.example.com'), /with http:\/\/ or https:\/\//);
  assert.throws(() => siteUrlFrom('https://docs.example.com/guide'), /SITE_URL must be an origin only, like https:\/\/docs.example.com, with no path/);
  assert.throws(() => siteUrlFrom('https://docs.example.com/?x=1'), /origin only/);
});
