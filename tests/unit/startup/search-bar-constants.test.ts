import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, it} from 'node:test';
import {searchBarConstants} from '../../../plugins/startup/search-bar-constants';

type Resource = {request: string; contextInfo?: {issuer?: string}};

/** Runs the plugin as Docusaurus would and returns its constants file and its replacement rule. */
function load(searchResultLimits: number) {
  const generatedFilesDir = mkdtempSync(path.join(tmpdir(), 'search-bar-constants-'));
  const replacementFor = searchBarConstants(generatedFilesDir, searchResultLimits);
  const made: {pattern: RegExp; replace: (resource: Resource) => void}[] = [];
  class NormalModuleReplacementPlugin {
    constructor(pattern: RegExp, replace: (resource: Resource) => void) {
      made.push({pattern, replace});
    }
  }
  const bundler = {instance: {NormalModuleReplacementPlugin}} as never;
  replacementFor(bundler);
  assert.equal(made.length, 1);
  const {pattern, replace} = made[0];
  const constantsFile = path.join(generatedFilesDir, 'search-bar-constants', 'index.js');
  /** The request webpack resolves after the rule has seen it. */
  const resolve = (request: string, issuer: string) => {
    const resource: Resource = {request, contextInfo: {issuer}};
    if (pattern.test(request)) replace(resource);
    return resource.request;
  };
  return {constantsFile, resolve};
}

const client = path.resolve('node_modules/@easyops-cn/docusaurus-search-local/dist/client/client');

describe('search bar constants (plugins/startup/search-bar-constants.ts)', () => {
  it('gives the search bar the result limit from the options the theme gets', () => {
    assert.equal(readFileSync(load(8).constantsFile, 'utf8').trim(), 'export const searchResultLimits = 8;');
    assert.equal(readFileSync(load(12).constantsFile, 'utf8').trim(), 'export const searchResultLimits = 12;');
  });

  it('replaces the generated constants (and with them lunr) for the search bar only', () => {
    const {constantsFile, resolve} = load(8);
    // Requests and importers exactly as search-local 0.55 writes them.
    assert.equal(resolve('../../utils/proxiedGeneratedConstants', path.join(client, 'theme/SearchBar/SearchBar.jsx')), constantsFile);
    for (const [request, issuer] of [
      ['../utils/proxiedGeneratedConstants', 'theme/worker.js'],
      ['./proxiedGeneratedConstants', 'utils/smartQueries.js'],
      ['../../utils/proxiedGenerated', 'theme/SearchBar/SearchBar.jsx'],
      ['../../utils/proxiedGeneratedConstants', 'theme/SearchPage/SearchPage.jsx'],
    ]) {
      assert.equal(resolve(request, path.join(client, issuer)), request, `${issuer} keeps ${request}`);
    }
  });

  it('still matches the search bar this site installs (an upgrade that moves it fails here)', () => {
    const searchBar = readFileSync(path.join(client, 'theme/SearchBar/SearchBar.jsx'), 'utf8');
    const imported = /import\s*{([^}]*)}\s*from\s*"(\.\.\/\.\.\/utils\/proxiedGeneratedConstants)"/.exec(searchBar);
    assert.ok(imported, 'SearchBar.jsx imports the generated constants by this request');
    assert.deepEqual(imported[1].split(',').map((name) => name.trim()).filter(Boolean), ['searchResultLimits']);
  });
});
