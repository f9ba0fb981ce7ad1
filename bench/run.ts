/**
 * `npm run bench`: what the guide costs a reader, measured in one run on the production build
 * served by `npm run serve`, and written to bench/results.md. It prints figures and checks them
 * against the budgets in words; it never fails the test suite.
 *
 * BENCH_ONLY=compare (`npm run bench:compare`) runs only the side by side with a stock Docusaurus
 * page and replaces that section of bench/results.md; BENCH_RUNS (default 5) sets its runs per
 * page; BENCH_ZH=0 leaves the Chinese guide out of it; BENCH_BASELINE=<git ref> adds the guide as
 * built from that commit to the side by side, so what a change buys is measured in the same run.
 */
import {chromium, type Browser} from '@playwright/test';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {cpus, totalmem, type} from 'node:os';
import {join, resolve} from 'node:path';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../scripts/chromium';
import {measureBuildTimes, type BuildTimes} from './build-time';
import {renderSideBySide, runSideBySide, type SideBySide} from './compare';
import {lighthouseMedian, type LighthouseScores} from './lighthouse';
import {extraScripts, measurePageWeight, type Asset, type PageWeight} from './page-weight';
import {runProxyBench, type ProxyBenchResult} from './proxy';
import {freePort, startNpmScript, type RunningServer} from './servers';
import {STOCK_PAGE, buildStockGuide, buildStockSite} from './stock-site';
import {measureSignInFlow, type FlowTimes} from './widget-flow';

const root = resolve(__dirname, '..');
const tmp = join(root, 'bench', '.tmp');
const GUIDE = '/docs/get-started/authentication/personal-access-tokens';
const PLAIN_PAGE = '/docs/intro';
/** The widget's button, waited for before the page's bytes are counted. */
const WIDGET_MARKER = 'Get token';
/** The same button on the Chinese guide. */
const WIDGET_MARKER_ZH = '获取令牌';
/** Where the side by side's first-input timing types and copies, per language. */
const INPUT_LABELS = {portal: 'Portal address', copy: 'Copy code to clipboard'};
const INPUT_LABELS_ZH = {portal: '门户地址', copy: '复制代码到剪贴板'};
/**
 * Marks the widget's code in a script: the session storage key of a remembered token, in every
 * locale. Not the button's label (the guide's text and the Chinese sidebar mention it too), the
 * password field's autocomplete (the page's own bundle has the early form's fields), nor the code
 * field's (the second-factor step is a lazy chunk of its own).
 */
const WIDGET_CODE = 'docspace-guide:token';

const ONLY_COMPARE = onlyCompare(process.env.BENCH_ONLY);
const COMPARE_RUNS = positiveInteger('BENCH_RUNS', 5);
const COMPARE_ZH = process.env.BENCH_ZH !== '0';
const BASELINE_REF = process.env.BENCH_BASELINE || undefined;
const SIDE_BY_SIDE_HEADING = '## Side by side with a stock Docusaurus page';

const BUDGET = {performanceMobile: 98, otherCategories: 100, widgetGzip: 12 * 1024, extraJsGzip: 15 * 1024};

async function main(): Promise<void> {
  mkdirSync(tmp, {recursive: true});
  const sandboxPort = await freePort();
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const buildDir = join(tmp, 'build');

  step('production build');
  execFileSync('npx', ['docusaurus', 'build', '--out-dir', buildDir], {
    cwd: root,
    stdio: 'ignore',
    env: {...process.env, SANDBOX_URL: sandboxUrl},
  });

  step('stock Docusaurus sites (cached by content)');
  const stockBuildDir = buildStockSite(root);
  const stockGuideBuildDir = buildStockGuide(root);
  if (BASELINE_REF) step(`the guide at ${BASELINE_REF} (BENCH_BASELINE)`);
  const baselineBuildDir = BASELINE_REF ? buildAtCommit(BASELINE_REF, join(tmp, 'baseline'), sandboxUrl) : undefined;

  const sandbox = await startNpmScript('sandbox', {SANDBOX_PORT: String(sandboxPort)}, sandboxUrl);
  const site = await serveBuild(buildDir, sandboxUrl);
  // The same server as the guide's: `docusaurus serve` compresses nothing, which alone costs a page ~12 points.
  const stockSite = await serveBuild(stockBuildDir);
  const stockGuideSite = await serveBuild(stockGuideBuildDir);
  const baselineSite = baselineBuildDir ? await serveBuild(baselineBuildDir, sandboxUrl) : undefined;
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  try {
    if (ONLY_COMPARE) {
      const sideBySide = renderSideBySide(await compareWithStock(browser, site, {stockSite, stockGuideSite}, baselineSite)).join('\n');
      writeFileSync(join(root, 'bench', 'results.md'), replaceSideBySide(sideBySide));
      console.log(`\n${sideBySide}`);
      return;
    }

    step('page weight');
    const home = await measurePageWeight(browser, `${site.url}/`);
    const plain = await measurePageWeight(browser, `${site.url}${PLAIN_PAGE}`);
    const guide = await measurePageWeight(browser, `${site.url}${GUIDE}`, `role=button[name="${WIDGET_MARKER}"]`);
    const widgetChunks = guide.assets.filter((a) => a.type === 'script' && a.body.includes(WIDGET_CODE));
    // Each locale has its own bundle, and the widget's wording is compiled into it.
    const guideZh = await measurePageWeight(browser, `${site.url}/zh-Hans${GUIDE}`, `role=button[name="${WIDGET_MARKER_ZH}"]`);
    const widgetChunksZh = guideZh.assets.filter((a) => a.type === 'script' && a.body.includes(WIDGET_CODE));
    const plainLoadsWidget = [...home.assets, ...plain.assets].some((a) => a.body.includes(WIDGET_CODE));
    const extra = extraScripts(guide, plain);

    step('Lighthouse (median of 3)');
    const lighthouse: Record<string, LighthouseScores> = {};
    // The plain docs page is the floor any page of this site starts from.
    for (const [name, path] of [['home', '/'], ['plain page', PLAIN_PAGE], ['guide', GUIDE]] as const) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        lighthouse[`${name} ${formFactor}`] = await lighthouseMedian(`${site.url}${path}`, formFactor);
      }
    }

    const sideBySide = await compareWithStock(browser, site, {stockSite, stockGuideSite}, baselineSite);

    step('sign-in flow');
    const flow = await measureSignInFlow(browser, `${site.url}${GUIDE}`, sandboxUrl);

    step('proxy');
    const proxy = await runProxyBench();

    step('build times (temporary copy, 200 generated pages)');
    const builds = measureBuildTimes(root, join(tmp, 'site-copy'));

    const report = renderReport({home, plain, guide, guideZh, widgetChunks, widgetChunksZh, plainLoadsWidget, extra, lighthouse, flow, proxy, builds, sideBySide});
    writeFileSync(join(root, 'bench', 'results.md'), report);
    console.log(`\n${report}`);
  } finally {
    await browser.close();
    await stockSite.stop();
    await stockGuideSite.stop();
    await baselineSite?.stop();
    await site.stop();
    await sandbox.stop();
  }
}

/** sandboxUrl: lets the page's CSP allow calls to the sandbox (the sign-in flow), as `npm run serve` does from SANDBOX_URL. */
async function serveBuild(buildDir: string, sandboxUrl?: string): Promise<RunningServer> {
  const port = await freePort();
  return startNpmScript('serve', {PORT: String(port), BUILD_DIR: buildDir, ...(sandboxUrl ? {SANDBOX_URL: sandboxUrl} : {})}, `http://127.0.0.1:${port}`);
}

interface StockSites {
  /** The tutorial-style stock page. */
  stockSite: RunningServer;
  /** The guide's own MDX on a stock site: the page the guides are held against. */
  stockGuideSite: RunningServer;
}

function compareWithStock(browser: Browser, site: RunningServer, {stockSite, stockGuideSite}: StockSites, baselineSite?: RunningServer): Promise<SideBySide> {
  const pages = [
    {name: 'guide', url: `${site.url}${GUIDE}`, labels: INPUT_LABELS},
    ...(COMPARE_ZH ? [{name: 'Chinese guide', url: `${site.url}/zh-Hans${GUIDE}`, labels: INPUT_LABELS_ZH}] : []),
    ...(baselineSite ? [{name: `guide at ${BASELINE_REF}`, url: `${baselineSite.url}${GUIDE}`, baselineOf: 'guide', labels: INPUT_LABELS}] : []),
    {name: 'the guide’s MDX on stock Docusaurus', url: `${stockGuideSite.url}${STOCK_PAGE}`, reference: true},
    {name: 'stock Docusaurus tutorial page', url: `${stockSite.url}${STOCK_PAGE}`, stock: true},
  ];
  return runSideBySide(browser, pages, COMPARE_RUNS, step);
}

/** results.md with its side-by-side section (the last one) replaced, or added at the end. */
function replaceSideBySide(section: string): string {
  const file = join(root, 'bench', 'results.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const at = current.indexOf(SIDE_BY_SIDE_HEADING);
  const before = at === -1 ? `${current.trimEnd()}\n\n` : current.slice(0, at);
  return `${before}${section}\n_Side by side measured ${new Date().toISOString()} (\`npm run bench:compare\`) on ${machine()}._\n`;
}

/**
 * The site as it was at `ref`, built in a detached git worktree that borrows this checkout's
 * node_modules (so a baseline older than a dependency change is measured with today's packages).
 */
function buildAtCommit(ref: string, dir: string, sandboxUrl: string): string {
  rmSync(dir, {recursive: true, force: true});
  execFileSync('git', ['worktree', 'prune'], {cwd: root, stdio: 'ignore'});
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], {cwd: root, stdio: 'ignore'});
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const buildDir = join(tmp, 'baseline-build');
    execFileSync('npx', ['docusaurus', 'build', '--out-dir', buildDir], {cwd: dir, stdio: 'ignore', env: {...process.env, SANDBOX_URL: sandboxUrl}});
    return buildDir;
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], {cwd: root, stdio: 'ignore'});
  }
}

function onlyCompare(value: string | undefined): boolean {
  if (value && value !== 'compare') throw new Error(`BENCH_ONLY can be "compare" (the side by side alone), not "${value}"`);
  return value === 'compare';
}

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^[1-9][0-9]*$/.test(value)) throw new Error(`${name} must be a whole number of runs, like 5, not "${value}"`);
  return Number(value);
}

function step(name: string): void {
  console.error(`bench: ${name}…`);
}

interface Figures {
  home: PageWeight;
  plain: PageWeight;
  guide: PageWeight;
  guideZh: PageWeight;
  widgetChunks: Asset[];
  widgetChunksZh: Asset[];
  plainLoadsWidget: boolean;
  extra: Asset[];
  lighthouse: Record<string, LighthouseScores>;
  flow: FlowTimes;
  proxy: ProxyBenchResult;
  builds: BuildTimes;
  sideBySide: SideBySide;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const sum = (assets: Asset[], key: 'raw' | 'gzip') => assets.reduce((n, a) => n + a[key], 0);
const chunkNames = (assets: Asset[]) => assets.map((a) => new URL(a.url).pathname.split('/').pop()).join(', ') || 'none found';
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function renderReport(f: Figures): string {
  const widgetGzip = sum(f.widgetChunks, 'gzip');
  const widgetGzipZh = sum(f.widgetChunksZh, 'gzip');
  const extraGzip = f.guide.js.gzip - f.plain.js.gzip;
  const guideMobile = f.lighthouse['guide mobile']!;
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString()} by \`npm run bench\` on ${machine()}.`,
    '',
    '## Bytes the pages load (JS and CSS; gzip at level 9)',
    '',
    '| page | JS raw | JS gzip | CSS raw | CSS gzip |',
    '|---|---|---|---|---|',
    ...[['home', f.home], ['plain docs page (intro)', f.plain], ['guide (widget loaded)', f.guide], ['Chinese guide (widget loaded)', f.guideZh]].map(
      ([name, w]) => {
        const weight = w as PageWeight;
        return `| ${name} | ${kb(weight.js.raw)} | ${kb(weight.js.gzip)} | ${kb(weight.css.raw)} | ${kb(weight.css.gzip)} |`;
      },
    ),
    '',
    `- Widget chunk(s): ${chunkNames(f.widgetChunks)}, ${kb(sum(f.widgetChunks, 'raw'))} raw, ${kb(widgetGzip)} gzip.`,
    `- Widget chunk(s) of the Chinese guide (/zh-Hans): ${chunkNames(f.widgetChunksZh)}, ${kb(sum(f.widgetChunksZh, 'raw'))} raw, ${kb(widgetGzipZh)} gzip.`,
    `- Extra JS on the guide over the plain page: ${kb(extraGzip)} gzip; the scripts only the guide loads: ${f.extra
      .map((a) => `${new URL(a.url).pathname.split('/').pop()} ${kb(a.gzip)}${label(a, f.widgetChunks)}`)
      .join(', ')}.`,
    `- Pages without the widget load its code: ${f.plainLoadsWidget ? '**yes**' : 'no'}.`,
    '',
    '## Lighthouse (median of 3, served by `npm run serve`)',
    '',
    '| page | performance | FCP | LCP | TBT | CLS | accessibility | best practices | SEO |',
    '|---|---|---|---|---|---|---|---|---|',
    ...Object.entries(f.lighthouse).map(
      ([name, s]) =>
        `| ${name} | ${s.performance} | ${ms(s.fcpMs)} | ${ms(s.lcpMs)} | ${ms(s.tbtMs)} | ${s.cls.toFixed(3)} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} |`,
    ),
    '',
    '## Sign-in flow against the sandbox (median of ' + f.flow.runs + ')',
    '',
    `- Click on "Get token" to the profile on screen: ${ms(f.flow.widgetMs)}.`,
    `- The same two fetch calls made bare from the page: ${ms(f.flow.bareFetchMs)}.`,
    '',
    '## Proxy (sandbox on 127.0.0.1)',
    '',
    ...f.proxy.lines,
    '',
    '## Build time (temporary copy of the site)',
    '',
    '| pages (every locale unless said) | cold | warm |',
    '|---|---|---|',
    `| the site as it is (en and zh-Hans) | ${ms(f.builds.coldMs)} | ${ms(f.builds.warmMs)} |`,
    `| the site as it is, English only (\`--locale en\`) | | ${ms(f.builds.warmEnglishOnlyMs)} |`,
    `| with 200 generated pages | ${ms(f.builds.coldWith200Ms)} | ${ms(f.builds.warmWith200Ms)} |`,
    '',
    '## Budgets',
    '',
    '| budget | figure | |',
    '|---|---|---|',
    `| guide, Lighthouse mobile performance ≥ ${BUDGET.performanceMobile} | ${guideMobile.performance} | ${verdict(guideMobile.performance >= BUDGET.performanceMobile)} |`,
    `| guide, accessibility, best practices, SEO = 100 | ${guideMobile.accessibility}, ${guideMobile.bestPractices}, ${guideMobile.seo} | ${verdict([guideMobile.accessibility, guideMobile.bestPractices, guideMobile.seo].every((s) => s >= BUDGET.otherCategories))} |`,
    `| guide, CLS 0 | ${guideMobile.cls.toFixed(3)} | ${verdict(guideMobile.cls === 0)} |`,
    `| widget chunk ≤ 12 KB gzip | ${kb(widgetGzip)} | ${verdict(f.widgetChunks.length > 0 && widgetGzip <= BUDGET.widgetGzip)} |`,
    `| widget chunk ≤ 12 KB gzip, Chinese guide | ${kb(widgetGzipZh)} | ${verdict(f.widgetChunksZh.length > 0 && widgetGzipZh <= BUDGET.widgetGzip)} |`,
    `| pages without the widget load none of its code | ${f.plainLoadsWidget ? 'they do' : 'none'} | ${verdict(!f.plainLoadsWidget)} |`,
    `| extra JS on the guide ≤ 15 KB gzip | ${kb(extraGzip)} | ${verdict(extraGzip <= BUDGET.extraJsGzip)} |`,
    '',
    // Last, so `npm run bench:compare` can replace it on its own.
    ...renderSideBySide(f.sideBySide),
  ];
  return lines.join('\n');
}

/** What a script the guide loads is: the widget, the page's own content, or something else. */
function label(asset: Asset, widgetChunks: Asset[]): string {
  if (widgetChunks.includes(asset)) return ' (the widget)';
  return asset.body.includes('yourportal.onlyoffice.com') ? ' (the page: its text and example files)' : '';
}

function machine(): string {
  const version = (file: string) => (JSON.parse(readFileSync(join(root, 'node_modules', file, 'package.json'), 'utf8')) as {version: string}).version;
  const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim();
  return [
    `${type()} ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    `Node ${process.version}`,
    `Docusaurus ${version('@docusaurus/core')}`,
    `Lighthouse ${version('lighthouse')}`,
    chromiumVersion,
  ].join('; ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
