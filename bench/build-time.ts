/**
 * Cold and warm `docusaurus build` times of every locale (what `npm run build` does), the warm time
 * of the English site alone (what the second locale costs), then the same with 200 generated pages. Everything runs
 * in a temporary copy of the site with its own Rspack cache, so the working tree is untouched.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

export interface BuildTimes {
  coldMs: number;
  warmMs: number;
  warmEnglishOnlyMs: number;
  coldWith200Ms: number;
  warmWith200Ms: number;
}

export function measureBuildTimes(root: string, workDir: string): BuildTimes {
  rmSync(workDir, {recursive: true, force: true});
  mkdirSync(workDir, {recursive: true});
  // The files git tracks, as a fresh clone has them (the config imports plugins and servers).
  const tracked = execFileSync('git', ['ls-files', '-z'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(workDir, file)), {recursive: true});
    cpSync(join(root, file), join(workDir, file));
  }
  linkNodeModules(join(root, 'node_modules'), join(workDir, 'node_modules'));

  const coldMs = timeBuild(workDir);
  const warmMs = timeBuild(workDir);
  const warmEnglishOnlyMs = timeBuild(workDir, ['--locale', 'en']);
  generatePages(join(workDir, 'docs', 'generated'), 200);
  rmSync(join(workDir, 'node_modules', '.cache'), {recursive: true, force: true});
  rmSync(join(workDir, '.docusaurus'), {recursive: true, force: true});
  const coldWith200Ms = timeBuild(workDir);
  const warmWith200Ms = timeBuild(workDir);
  rmSync(workDir, {recursive: true, force: true});
  return {coldMs, warmMs, warmEnglishOnlyMs, coldWith200Ms, warmWith200Ms};
}

/** A node_modules of links to the real packages, so the copy's build cache is its own. */
export function linkNodeModules(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (entry === '.cache') continue;
    symlinkSync(join(from, entry), join(to, entry));
  }
}

function generatePages(dir: string, count: number): void {
  mkdirSync(dir, {recursive: true});
  for (let i = 1; i <= count; i++) {
    writeFileSync(
      join(dir, `page-${i}.md`),
      `---\ntitle: Generated page ${i}\n---\n\n# Generated page ${i}\n\n` +
        'A page generated to measure how the build grows. '.repeat(20) +
        `\n\n\`\`\`json\n{"page": ${i}, "token": "abc"}\n\`\`\`\n`,
    );
  }
}

function timeBuild(cwd: string, extraArgs: string[] = []): number {
  const start = performance.now();
  execFileSync('npx', ['docusaurus', 'build', '--out-dir', 'build', ...extraArgs], {cwd, stdio: ['ignore', 'ignore', 'inherit']});
  return performance.now() - start;
}
