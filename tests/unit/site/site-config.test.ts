import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {createSiteApp} from '../../../servers/site/app';

// The widget's "Use the sandbox portal" button reads the sandbox address from here at run time.
test('the site answers /site-config.json from its options, and 404s without them', async (t) => {
  const buildDir = await mkdtemp(join(tmpdir(), 'site-config-'));
  t.after(() => rm(buildDir, {recursive: true, force: true}));
  await writeFile(join(buildDir, 'index.html'), '<!doctype html><title>Home</title>');

  const configured = await createSiteApp({buildDir, siteConfig: {sandboxUrl: 'http://127.0.0.1:8092'}});
  t.after(() => configured.close());
  const answer = await configured.app.request('/site-config.json');
  assert.equal(answer.status, 200);
  assert.equal(answer.headers.get('cache-control'), 'no-cache');
  assert.deepEqual(await answer.json(), {sandboxUrl: 'http://127.0.0.1:8092'});

  const plain = await createSiteApp({buildDir});
  t.after(() => plain.close());
  assert.equal((await plain.app.request('/site-config.json')).status, 404);
});
