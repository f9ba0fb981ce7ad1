/**
 * What the code cites is in the repository: no file points into the machine's workspace outside
 * it, and every Markdown file a source file names (such as the sandbox's portal-contract.md) exists.
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
/** Tracked files only: node_modules, the build and test output never count. */
const FILES = execFileSync('git', ['ls-files', '-z'], {cwd: ROOT, encoding: 'utf8'})
  .split('\0')
  .filter((file) => file && !/\.(png|jpe?g|gif|ico|svg|woff2?)$/.test(file) && file !== 'package-lock.json');

function text(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

describe('references in the repository', () => {
  it('no file points into the workspace outside the repository', () => {
    const outside = FILES.filter((file) => /\/work\/\w/.test(text(file)));
    assert.deepEqual(outside, []);
  });

  it('every Markdown file a source file names exists', () => {
    const missing: string[] = [];
    for (const file of FILES.filter((candidate) => !candidate.endsWith('.md'))) {
      // A path has a slash: a bare `results.md` is a file name being built, not a citation.
      for (const [cited] of text(file).matchAll(/(?:\.{1,2}\/|\w[\w.-]*\/)[\w./-]*\w\.md\b/g)) {
        // ./ and ../ are relative to the citing file; a bare path is relative to the repository.
        const target = cited.startsWith('.') ? path.join(ROOT, path.dirname(file), cited) : path.join(ROOT, cited);
        if (!existsSync(target)) missing.push(`${file}: ${cited}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
