/**
 * The start-up theme (plugins/startup) against the packages installed: an upgrade of Docusaurus or
 * search-local that changes what it was built on fails here, file by file, instead of silently
 * losing a fix or a patch. What to do when one fails: plugins/startup/UPGRADE.md.
 *
 * `UPDATE_STARTUP_PATCHES=1 node --import tsx --test tests/unit/startup/upstream.test.ts` rewrites
 * the stored patches from the files as they are, once they have been re-checked.
 */
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'node:test';
import {paintFirstSsrTemplate} from '../../../plugins/startup/paint-first';
import {prismIncludeLanguages, themeCommonLib, themeCommonReactUtils} from '../../../plugins/startup/upstream';

const ROOT = path.resolve(__dirname, '../../..');
const THEME = path.join(ROOT, 'plugins/startup/theme');
/** Where the bundler finds a package (some, like theme-common, do not export their package.json). */
const packageDir = (name: string) => path.join(ROOT, 'node_modules', name);
const THEME_CLASSIC = packageDir('@docusaurus/theme-classic');
const UPDATE = process.env.UPDATE_STARTUP_PATCHES === '1';

/** theme-classic components ejected into plugins/startup/theme, each with its patch beside it. */
const EJECTED = ['CodeBlock/index.tsx', 'CodeBlock/Buttons/index.tsx', 'CodeBlock/Content/index.tsx', 'CodeBlock/Content/String.tsx'];

/**
 * The ejected file as a unified diff against theme-classic's source: a patch that `patch -p0`
 * applies from the repository root. Hunk headers carry line numbers, so any drift on either side
 * (the ejected file edited, or theme-classic's source changed by an upgrade) changes the text.
 */
function diffAgainstUpstream(file: string): string {
  const upstream = path.join(THEME_CLASSIC, 'src/theme', file);
  const ejected = path.join(THEME, file);
  // Pinned options: the output must not depend on the user's git configuration.
  const run = spawnSync(
    'git',
    ['-c', 'core.quotePath=false', 'diff', '--no-index', '--no-color', '--no-ext-diff', '--diff-algorithm=myers', '-U3', upstream, ejected],
    {encoding: 'utf8'},
  );
  assert.ok(run.status === 0 || run.status === 1, `git diff failed: ${run.stderr}`);
  const hunks = run.stdout.slice(run.stdout.indexOf('\n@@') + 1);
  return `--- node_modules/@docusaurus/theme-classic/src/theme/${file}\n+++ plugins/startup/theme/${file}\n${run.status === 0 ? '' : hunks}`;
}

/** How many lines the patch adds and removes, for the failure message and UPGRADE.md. */
function size(patch: string): string {
  const lines = patch.split('\n').slice(2);
  return `+${lines.filter((line) => line.startsWith('+')).length} −${lines.filter((line) => line.startsWith('-')).length}`;
}

describe('ejected theme-classic components carry only their known patch (plugins/startup/theme)', () => {
  for (const file of EJECTED) {
    it(`${file} is theme-classic's source plus ${file}.patch`, () => {
      const patchFile = path.join(THEME, `${file}.patch`);
      const actual = diffAgainstUpstream(file);
      if (UPDATE) writeFileSync(patchFile, actual);
      assert.ok(existsSync(patchFile), `${file}.patch is missing`);
      const expected = readFileSync(patchFile, 'utf8');
      assert.equal(
        actual,
        expected,
        `plugins/startup/theme/${file} no longer differs from theme-classic ${themeClassicVersion()} by exactly its patch ` +
          `(now ${size(actual)}, stored ${size(expected)}): re-check it as plugins/startup/UPGRADE.md says`,
      );
    });
  }

  it('every theme component with a theme-classic counterpart is checked here, as ejected or as reviewed', () => {
    const reviewed = new Set(REVIEWED.map(({ours}) => ours.replace(/^theme\//, '')));
    const components = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.tsx', '*.ts'], {cwd: THEME, encoding: 'utf8'})
      .split('\n')
      .filter((file) => file && !reviewed.has(file) && existsSync(path.join(THEME_CLASSIC, 'src/theme', file)));
    assert.deepEqual(components.sort(), [...EJECTED].sort());
  });
});

function themeClassicVersion(): string {
  return (JSON.parse(readFileSync(path.join(THEME_CLASSIC, 'package.json'), 'utf8')) as {version: string}).version;
}

/**
 * Upstream files that start-up code was written against without copying them: a wrapper that relies
 * on how the original works, or a rewrite of it. Any change to one is a reason to look again, so
 * each is pinned by its hash as installed when it was last checked.
 */
const REVIEWED = [
  {
    ours: 'theme/Tabs/index.tsx',
    upstream: '@docusaurus/theme-classic/src/theme/Tabs/index.tsx',
    relies: 'the original reads useIsBrowser() only for the key of its provider',
    sha256: '4346b7b003462cd328481ef3377e90ee131745ee17132666b863a50ac3e32ef8',
  },
  {
    ours: 'theme/CodeBlock/Content/useCodeWordWrap.ts',
    upstream: '@docusaurus/theme-common/src/hooks/useCodeWordWrap.ts',
    relies: 'it returns what the original returns and covers the cases the original handled',
    sha256: 'a4a4ba7a0af4533ff6da2896bb606f5d56d696906e1ecc2f0f7d5d844fbd7a1b',
  },
  {
    ours: 'theme/MDXComponents/index.tsx',
    upstream: '@docusaurus/theme-classic/src/theme/MDXComponents/index.tsx',
    relies: 'its code, a and img render the same inline markup on the server and in the browser, and p, ol, table and blockquote are left to MDX',
    sha256: '403faaa057137f5e8f4070a8883356e3eb1c76d7e19430ce3b8980d2a3b2997d',
  },
  {
    ours: 'theme/SearchBar/index.tsx',
    upstream: '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.jsx',
    relies: "the stand-in renders the bar's markup and classes, and the bar reads what was typed into its input on mount",
    sha256: '1d6b381687947f38b5a740783ee9e48689b4fb817adfc24a6cac0f0b0992e8b4',
  },
  {
    ours: 'react-utils.ts',
    upstream: '@docusaurus/theme-common/src/utils/reactUtils.tsx',
    relies: 'useShallowMemoObject memoises the object on its entries sorted by key, and the other exports are re-exported as they are',
    sha256: '68aa75b0873929215a2ad37176742a2bacd86cbd1c5112413d089f6ca08bb1d1',
  },
];

function upstreamFile(specifier: string): string {
  const [scope, name, ...rest] = specifier.split('/');
  return path.join(packageDir(`${scope}/${name}`), ...rest);
}

describe('upstream files the start-up theme was checked against are unchanged', () => {
  for (const {ours, upstream, relies, sha256} of REVIEWED) {
    it(`${upstream} (for plugins/startup/${ours})`, () => {
      const actual = createHash('sha256').update(readFileSync(upstreamFile(upstream))).digest('hex');
      assert.equal(
        actual,
        sha256,
        `${upstream} changed since plugins/startup/${ours} was checked against it; check that ${relies}, ` +
          `then put its new hash here (plugins/startup/UPGRADE.md)`,
      );
    });
  }

  it("theme-classic's Tabs reads the browser context only for its remount key", () => {
    const source = readFileSync(upstreamFile('@docusaurus/theme-classic/src/theme/Tabs/index.tsx'), 'utf8');
    assert.deepEqual(source.match(/\bisBrowser\b/g), ['isBrowser', 'isBrowser']);
    assert.match(source, /const isBrowser = useIsBrowser\(\);/);
    assert.match(source, /key=\{String\(isBrowser\)\}/);
  });

  it("the paint-first template is Docusaurus's with the deferred scripts moved into the loader", () => {
    const stock = (require(upstreamFile('@docusaurus/core/lib/ssg/ssgTemplate.html.js')) as {default: string}).default;
    const deferredScripts = `    <% it.scripts.forEach((script) => { %>
      <script src="<%= it.baseUrl %><%= script %>" defer></script>
    <% }); %>
`;
    assert.ok(stock.includes(deferredScripts), "Docusaurus's template still starts the scripts with <script defer>");
    const loaderLine = /\n {4}<script>\(function \(scripts\)[^]*?<\/script>(?=\n)/;
    // And the early-input recorder, first in the head (plugins/startup/earlyInput.ts).
    const earlyInputLine = /\n {4}<script>\(function recordEarlyInput\(\)[^]*?\)\(\)<\/script>(?=\n)/;
    assert.match(paintFirstSsrTemplate, loaderLine);
    assert.match(paintFirstSsrTemplate, earlyInputLine);
    assert.equal(paintFirstSsrTemplate.replace(loaderLine, '').replace(earlyInputLine, ''), stock.trimStart().replace(deferredScripts, ''));
  });

  it("theme-common imports its reactUtils only as react-utils.ts's replacement expects, and it exports what react-utils.ts re-exports", () => {
    const lib = path.join(packageDir('@docusaurus/theme-common'), 'lib');
    const files = execFileSync('find', [lib, '-name', '*.js'], {encoding: 'utf8'}).trim().split('\n');
    const imports = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/from '([^']*reactUtils[^']*)'/g)].map((match) => ({file, request: match[1]!})));
    assert.ok(imports.length > 5);
    for (const {file, request} of imports) {
      assert.match(request, themeCommonReactUtils, `${file} imports reactUtils as ${request}`);
      assert.match(`${path.dirname(file)}/`, themeCommonLib);
    }
    const exported = [...readFileSync(path.join(lib, 'utils/reactUtils.js'), 'utf8').matchAll(/^export (?:function|class|const) (\w+)/gm)].map((match) => match[1]);
    const reExported = readFileSync(path.join(ROOT, 'plugins/startup/theme-common-react-utils.d.ts'), 'utf8').match(/export \{([^}]+)\}/)![1]!.split(',').map((name) => name.trim());
    assert.deepEqual(exported.sort(), [...reExported, 'useShallowMemoObject'].sort());
  });

  it("theme-classic still loads Prism at start-up through the client module lazy-prism replaces", () => {
    const plugin = readFileSync(path.join(THEME_CLASSIC, 'lib/index.js'), 'utf8');
    assert.match(plugin, /getClientModules\(\) \{[^}]*'\.\/prism-include-languages'/);
    assert.match(path.join(THEME_CLASSIC, 'lib/prism-include-languages.js'), prismIncludeLanguages);
    assert.ok(existsSync(path.join(THEME_CLASSIC, 'lib/prism-include-languages.js')));
  });
});

/** Import specifiers past a package's public API: a lib/, dist/ or src/ path inside a Docusaurus or search-local package. */
const DEEP_IMPORT = /['"]((?:@docusaurus\/[\w-]+|@easyops-cn\/docusaurus-search-local)\/(?:lib|dist|src)\/[^'"]+)['"]/g;

/** The first file a bundler would resolve a specifier to (search-local's client is .jsx). */
function resolvesTo(specifier: string): string | undefined {
  const base = upstreamFile(specifier);
  return ['', '.js', '.jsx', '/index.js', '/index.jsx'].map((suffix) => base + suffix).find((file) => existsSync(file) && !file.endsWith('/'));
}

/** The page's deep imports, and the search worker's (kept apart: a worker must not load the page's CSS). */
const DEEP_IMPORT_MODULES = ['plugins/startup/deep-imports.ts', 'plugins/startup/worker-deep-imports.ts'];

describe('deep imports live in one module (plugins/startup/deep-imports.ts, the worker\'s in worker-deep-imports.ts)', () => {
  const specifiers = DEEP_IMPORT_MODULES.flatMap((file) => [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(DEEP_IMPORT)].map((match) => match[1]));

  it('each one resolves in the installed packages', () => {
    assert.ok(specifiers.length > 0);
    const missing = specifiers.filter((specifier) => {
      const file = resolvesTo(specifier);
      return !file || !existsSync(file);
    });
    assert.deepEqual(missing, []);
  });

  it("search-local's are all typed in search-local.d.ts, and it types nothing else", () => {
    const typed = [...readFileSync(path.join(ROOT, 'plugins/startup/search-local.d.ts'), 'utf8').matchAll(/declare module '([^']+)'/g)].map((match) => match[1]);
    const untypedPackage = specifiers.filter((specifier) => specifier.startsWith('@easyops-cn/') && !specifier.endsWith('.css'));
    assert.deepEqual([...new Set(untypedPackage)].sort(), typed.sort());
  });

  it('no other source file imports such a path', () => {
    const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.js', '*.jsx', '*.cjs', '*.mjs'], {cwd: ROOT, encoding: 'utf8'})
      .split('\n')
      .filter((file) => file && !file.startsWith('tests/') && !DEEP_IMPORT_MODULES.includes(file) && file !== 'plugins/startup/search-local.d.ts');
    const elsewhere = sources.flatMap((file) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(DEEP_IMPORT)].map((match) => `${file}: ${match[1]}`),
    );
    assert.deepEqual(elsewhere, []);
  });
});
