/** Lighthouse (the npm CLI) in Debian Chromium, median of several runs per page and form factor. */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../scripts/chromium';
import {median} from './servers';

const run = promisify(execFile);

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

interface LighthouseReport {
  categories: Record<string, {score: number}>;
  audits: Record<string, {numericValue: number}>;
}

// Lighthouse's own --headless handling wants the new headless mode; the rest are the project's flags.
const chromeFlags = CHROMIUM_ARGS.map((flag) => flag.replace(/^(--host-resolver-rules=)(.*)$/, '$1"$2"')).join(' ');

export async function lighthouseMedian(url: string, formFactor: 'mobile' | 'desktop', runs = 3): Promise<LighthouseScores> {
  const results: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(url, formFactor));
  return medianScores(results);
}

/** The median of each figure on its own (the runs' medians may come from different runs). */
export function medianScores(results: LighthouseScores[]): LighthouseScores {
  const pick = (key: keyof LighthouseScores) => median(results.map((r) => r[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    seo: pick('seo'),
    fcpMs: pick('fcpMs'),
    lcpMs: pick('lcpMs'),
    tbtMs: pick('tbtMs'),
    cls: pick('cls'),
  };
}

export async function lighthouseOnce(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseScores> {
  const args = [
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    '--output-path=stdout',
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-path=${CHROMIUM_PATH}`,
    `--chrome-flags=${chromeFlags}`,
    ...(formFactor === 'desktop' ? ['--preset=desktop'] : []),
  ];
  const stdout = await runLighthouse(args);
  const report = JSON.parse(stdout) as LighthouseReport;
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
  };
}

/** Lighthouse's "Something went wrong with recording the trace" (NO_NAVSTART) comes and goes on this machine: such a run is tried again, twice at most. */
async function runLighthouse(args: string[], attempts = 3): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await run('npx', args, {maxBuffer: 64 * 1024 * 1024})).stdout;
    } catch (error) {
      const stderr = (error as {stderr?: string}).stderr ?? '';
      if (attempt >= attempts || !/NO_NAVSTART|recording the trace/.test(stderr)) throw error;
    }
  }
}
