/**
 * Every node test file runs, and unit tests stay laid out by module (contributing/testing.md): a
 * test left at tests/unit/x.test.ts, in a folder one level too deep or in tests/unit/support would
 * otherwise be skipped by `npm test` without a word, or sit where nobody looks for it.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
/** The unit test folders, one per part of the code (contributing/testing.md says which is which). */
const MODULES = ['bench', 'docspace', 'proxy', 'repo', 'site', 'startup', 'tryit'];
/** The package.json scripts that hand files to node's test runner (e2e is Playwright's, by testDir). */
const NODE_SUITES = ['test:unit', 'test:contract', 'test:examples'];

/** Every *.test.ts below tests/, as a repository path. */
function testFiles(): string[] {
  return readdirSync(path.join(ROOT, 'tests'), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.posix.join('tests', file.split(path.sep).join('/')))
    .sort();
}

/** The files the suite's script passes to `node --test`, expanded by sh as npm runs it. */
function runBy(script: string): string[] {
  const command: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts[script];
  const patterns = command.split(/\s+/).filter((word) => word.startsWith('tests/'));
  assert.ok(patterns.length > 0, `${script} names no files under tests/: ${command}`);
  // Node 20's --test does not expand globs itself: the shell does, and leaves one that matches nothing as it is.
  const expanded = execFileSync('sh', ['-c', `for file in ${patterns.join(' ')}; do [ -f "$file" ] && echo "$file"; done; true`], {cwd: ROOT, encoding: 'utf8'});
  return expanded.split('\n').filter(Boolean);
}

describe('the test layout', () => {
  it('every *.test.ts below tests/ is run by one of the node test scripts', () => {
    const run = new Set(NODE_SUITES.flatMap(runBy));
    const skipped = testFiles().filter((file) => !run.has(file));
    assert.deepEqual(skipped, [], `not run by ${NODE_SUITES.join(', ')} in package.json`);
  });

  it('every unit test sits in a module folder, tests/unit/<module>/<name>.test.ts', () => {
    const misplaced = testFiles()
      .filter((file) => file.startsWith('tests/unit/'))
      .filter((file) => {
        const [module, name, ...deeper] = file.slice('tests/unit/'.length).split('/');
        return !MODULES.includes(module) || name === undefined || deeper.length > 0;
      });
    assert.deepEqual(misplaced, [], `move each into one of tests/unit/{${MODULES.join(',')}}/`);
  });
});
