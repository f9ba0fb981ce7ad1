import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {resolve} from 'node:path';
import {test} from 'node:test';

// semver ships no types; these two calls are all this test needs.
const semver = createRequire(__filename)('semver') as {minVersion(range: string): {version: string} | null; satisfies(version: string, range: string): boolean};

const root = resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {engines: {node: string}; allowScripts: Record<string, boolean>};
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, {version?: string; engines?: {node?: string} | string[]; hasInstallScript?: boolean; optional?: boolean}>;
};

/** A lock entry's package name: the path after its last node_modules/. */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

test('every installed package runs on the oldest Node.js that package.json’s engines allows (npm ci prints no EBADENGINE)', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;
  const refusing = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.optional && entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
    .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as {node: string}).node))
    .map(([path, entry]) => `${nameOf(path)}@${entry.version} wants node ${(entry.engines as {node: string}).node}`);
  assert.deepEqual(refusing, [], `engines says ${manifest.engines.node}`);
});

test('allowScripts decides on exactly the packages that have install scripts', () => {
  const withScripts = [...new Set(Object.entries(lock.packages).filter(([path, entry]) => path !== '' && entry.hasInstallScript).map(([path]) => nameOf(path)))].sort();
  assert.deepEqual(Object.keys(manifest.allowScripts).sort(), withScripts);
});
