/**
 * `npm run bench:profile`: what the guide's start-up runs on the main thread, by original source
 * file and function. Builds the English site with source maps (BENCH_SOURCE_MAPS=1) into
 * bench/.tmp, serves it with `npm run serve`, records a V8 CPU profile of each load with the CPU
 * slowed 4× (fresh browser context each, BENCH_RUNS loads, default 3) from navigation until the
 * page is hydrated plus 2 s, and prints the busiest functions (self time) and files (inclusive).
 * BENCH_PAGE picks another path. It prints figures only; nothing fails on them.
 */
import {chromium} from '@playwright/test';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {SourceMapConsumer} from 'source-map-js';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../scripts/chromium';
import {addProfile, busyStretches, emptyTotals, topRows, type BusyStretch, type CpuProfile, type Locate} from './cpu-profile';
import {freePort, startNpmScript} from './servers';
import {CPU_SLOWDOWN} from './startup-trace';

const root = resolve(__dirname, '..');
const buildDir = join(root, 'bench', '.tmp', 'profile-build');
const PAGE = process.env.BENCH_PAGE || '/docs/get-started/authentication/personal-access-tokens';
const RUNS = Number(process.env.BENCH_RUNS || 3);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number of loads, like 3, not "${process.env.BENCH_RUNS}"`);
/** Microseconds between samples: fine enough for tasks of a few ms. */
const SAMPLING_INTERVAL_US = 200;
/** What Lighthouse calls a long task; Total Blocking Time is every ms past it. */
const LONG_TASK_MS = 50;

async function main(): Promise<void> {
  console.error('bench:profile: build with source maps (English)…');
  // Without Rspack's persistent cache: modules cached by a build without source maps come back
  // without them, and the bundles' maps then map next to nothing.
  execFileSync('npx', ['docusaurus', 'build', '--locale', 'en', '--out-dir', buildDir], {
    cwd: root,
    stdio: 'ignore',
    env: {...process.env, BENCH_SOURCE_MAPS: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: '1'},
  });
  const port = await freePort();
  const site = await startNpmScript('serve', {PORT: String(port), BUILD_DIR: buildDir}, `http://127.0.0.1:${port}`);
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  const totals = emptyTotals();
  const stretchesByLoad: BusyStretch[][] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      console.error(`bench:profile: load ${run} of ${RUNS}…`);
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', {interval: SAMPLING_INTERVAL_US});
      await cdp.send('Profiler.start');
      await page.goto(`${site.url}${PAGE}`);
      await page.locator('html[data-has-hydrated="true"]').waitFor({timeout: 60_000});
      await page.waitForTimeout(2000);
      const {profile} = await cdp.send('Profiler.stop');
      const locate = sourceMapLocator(site.url);
      addProfile(totals, profile as CpuProfile, locate);
      stretchesByLoad.push(busyStretches(profile as CpuProfile, locate, LONG_TASK_MS));
      await context.close();
    }
  } finally {
    await browser.close();
    await site.stop();
  }
  const idle = totals.selfByFunction.get('(idle)') ?? 0;
  console.log(
    [
      `## Start-up CPU profile of ${PAGE}`,
      '',
      `CPU slowed ${CPU_SLOWDOWN}×, ${RUNS} load(s), from navigation to hydrated + 2 s; ${((totals.totalMs - idle) / RUNS).toFixed(0)} ms busy per load. Self time: the function on top of the stack; \`(program)\` is the browser's own work (parsing, style, layout, paint).`,
      '',
      '| self, per load | function |',
      '|---|---|',
      ...topRows(totals.selfByFunction, RUNS, 30),
      '',
      '| inclusive, per load | file |',
      '|---|---|',
      ...topRows(totals.inclusiveByFile, RUNS, 30),
      '',
      `Stretches of ${LONG_TASK_MS} ms or more without an idle sample (long tasks, roughly), per load: when it started, how long, blocking time (past ${LONG_TASK_MS} ms), and the files most on the stack.`,
      '',
      '| load | at | ms | blocking | files on the stack (ms) |',
      '|---|---|---|---|---|',
      ...stretchesByLoad.flatMap((stretches, load) =>
        stretches.map(({startMs, durationMs, files}) => {
          const top = files.slice(0, 6).map(([file, ms]) => `\`${file}\` ${ms.toFixed(0)}`).join(', ');
          return `| ${load + 1} | ${startMs.toFixed(0)} | ${durationMs.toFixed(0)} | ${(durationMs - LONG_TASK_MS).toFixed(0)} | ${top} |`;
        }),
      ),
      '',
    ].join('\n'),
  );
}

/** Maps a frame in one of the site's bundles to its original file through the bundle's source map. */
function sourceMapLocator(origin: string): Locate {
  const consumers = new Map<string, SourceMapConsumer | null>();
  return (url, line, column) => {
    if (!url.startsWith(`${origin}/assets/js/`)) return null;
    const path = url.slice(origin.length);
    if (!consumers.has(path)) {
      try {
        consumers.set(path, new SourceMapConsumer(JSON.parse(readFileSync(join(buildDir, `${path}.map`), 'utf8'))));
      } catch {
        consumers.set(path, null);
      }
    }
    const position = consumers.get(path)?.originalPositionFor({line, column});
    return position?.source ? {source: position.source, name: position.name ?? null} : null;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
