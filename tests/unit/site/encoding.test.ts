import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {negotiateEncoding} from '../../../servers/site/encoding';
import {isHashedAsset, lookupPath} from '../../../servers/site/paths';

describe('negotiateEncoding', () => {
  const both = ['br', 'gzip'] as const;

  it('follows the q-values and prefers brotli on a tie', () => {
    assert.equal(negotiateEncoding('gzip, deflate, br, zstd', both), 'br');
    assert.equal(negotiateEncoding('gzip', both), 'gzip');
    assert.equal(negotiateEncoding('br;q=0.2, gzip;q=0.8', both), 'gzip');
    assert.equal(negotiateEncoding('*', both), 'br');
    assert.equal(negotiateEncoding('*;q=0.5, br;q=0', both), 'gzip');
    assert.equal(negotiateEncoding('x-gzip', both), 'gzip');
    assert.equal(negotiateEncoding('BR', both), 'br');
  });

  it('falls back to no encoding', () => {
    assert.equal(negotiateEncoding(null, both), null);
    assert.equal(negotiateEncoding('', both), null);
    assert.equal(negotiateEncoding('identity', both), null);
    assert.equal(negotiateEncoding('br;q=0, gzip;q=0', both), null);
    assert.equal(negotiateEncoding('br', ['gzip']), null);
  });

  it('only ever picks an encoding the file has and the client did not refuse', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(['br', 'gzip'] as const), (header, available) => {
        const picked = negotiateEncoding(header, available);
        if (picked === null) return;
        assert.ok(available.includes(picked));
        assert.doesNotMatch(header.toLowerCase(), new RegExp(`(^|,)\\s*${picked}\\s*;\\s*q=0(\\.0*)?\\s*(,|$)`));
      }),
    );
  });
});

describe('lookupPath', () => {
  it('maps clean URLs to Docusaurus files', () => {
    assert.deepEqual(lookupPath('/'), {kind: 'candidates', files: ['index.html'], trailingSlash: false});
    assert.deepEqual(lookupPath('/docs/intro'), {kind: 'candidates', files: ['docs/intro', 'docs/intro.html', 'docs/intro/index.html'], trailingSlash: false});
    assert.deepEqual(lookupPath('/docs/intro/'), {kind: 'candidates', files: ['docs/intro', 'docs/intro.html', 'docs/intro/index.html'], trailingSlash: true});
  });

  it('rejects any path with a dot segment once decoded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('docs', 'a', '..', '.', '%2e%2e', '%2E.', 'x%2f..'), {minLength: 1}), (segments) => {
        const result = lookupPath(`/${segments.join('/')}`);
        const decoded = decodeURIComponent(segments.join('/')).split('/');
        const climbs = decoded.some((segment) => segment === '..' || segment === '.');
        assert.equal(result.kind === 'invalid', climbs);
      }),
    );
  });
});

describe('isHashedAsset', () => {
  it('knows the Docusaurus hashed names', () => {
    assert.ok(isHashedAsset('assets/js/main.a6541deb.js'));
    assert.ok(isHashedAsset('assets/js/runtime~main.39b5d596.js'));
    assert.ok(isHashedAsset('assets/css/styles.567a81f8.css'));
    assert.ok(isHashedAsset('assets/images/logo-3f2a9b1c0d.png'));
    assert.ok(!isHashedAsset('search-index.json'));
    assert.ok(!isHashedAsset('img/favicon.svg'));
    assert.ok(!isHashedAsset('assets/js/main.js'));
  });
});
