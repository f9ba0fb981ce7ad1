/**
 * The guide side by side with stock Docusaurus pages (bench/stock-site.ts), all served by the
 * same server: Lighthouse mobile and the start-up trace, runs interleaved page by page so a busy
 * machine slows every page alike, medians per figure, the guide given as ratios to the reference
 * stock page (the guide's own MDX on a stock site).
 */
import type {Browser} from '@playwright/test';
import {lighthouseOnce, medianScores, type LighthouseScores} from './lighthouse';
import {formatInputMs, measureFirstInputs, type FirstInputs, type InputLabels} from './interaction';
import {CPU_SLOWDOWN, medianStartup, traceStartup, type StartupTimes} from './startup-trace';

export interface ComparedPage {
  name: string;
  url: string;
  /** A stock Docusaurus page: measured, held to no target. */
  stock?: boolean;
  /** The stock page the guides are held against (one per run). */
  reference?: boolean;
  /** The name of the page this one is an earlier build of (BENCH_BASELINE). */
  baselineOf?: string;
  /** What the first-input timing clicks and types into, by accessible name in the page's language. */
  labels?: InputLabels;
}

export interface PageFigures {
  page: ComparedPage;
  lighthouse: LighthouseScores;
  /** Every run's performance score, in order, to show the spread. */
  scores: number[];
  startup: StartupTimes;
  /** The first tab switch, copy and keystroke once the page is interactive. */
  inputs: FirstInputs;
}

export interface SideBySide {
  runs: number;
  pages: PageFigures[];
}

export async function runSideBySide(browser: Browser, pages: ComparedPage[], runs: number, log: (step: string) => void): Promise<SideBySide> {
  const lighthouseRuns = new Map<ComparedPage, LighthouseScores[]>(pages.map((p) => [p, []]));
  const traces = new Map<ComparedPage, StartupTimes[]>(pages.map((p) => [p, []]));
  for (let i = 1; i <= runs; i++) {
    log(`side by side: Lighthouse mobile, round ${i} of ${runs}`);
    for (const page of pages) lighthouseRuns.get(page)!.push(await lighthouseOnce(page.url, 'mobile'));
  }
  for (let i = 1; i <= runs; i++) {
    log(`side by side: start-up trace, round ${i} of ${runs}`);
    for (const page of pages) traces.get(page)!.push(await traceStartup(browser, page.url));
  }
  const inputs = new Map<ComparedPage, FirstInputs>();
  for (const page of pages) {
    log(`side by side: first inputs on ${page.name}`);
    // A page that will not take one of the inputs costs its row, not the run's other figures.
    inputs.set(
      page,
      await measureFirstInputs(browser, page.url, runs, page.labels).catch((error: unknown) => {
        log(`side by side: first inputs on ${page.name} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        return {tabSwitchMs: NaN, copyMs: NaN};
      }),
    );
  }
  return {
    runs,
    pages: pages.map((page) => ({
      page,
      lighthouse: medianScores(lighthouseRuns.get(page)!),
      scores: lighthouseRuns.get(page)!.map((r) => r.performance),
      startup: medianStartup(traces.get(page)!),
      inputs: inputs.get(page)!,
    })),
  };
}

/**
 * The targets of the page-speed issues, each guide page against the reference stock page of the
 * same run; the Chinese guide's TBT ratio also within `localeRatioGap` of the English one's.
 */
const TARGET = {lcpRatio: 0.5, tbtRatio: 0.3, scoreOverStock: 10, scoreMoonshot: 99, otherCategories: 100, clsBelow: 0.01, localeRatioGap: 0.1};
/** The page names the locale target compares. */
const ENGLISH_GUIDE = 'guide';
const CHINESE_GUIDE = 'Chinese guide';

const ms = (value: number) => `${Math.round(value)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** guide ÷ stock; a stock figure of 0 leaves no ratio, and only a 0 on the guide keeps up with it. */
function ratio(guide: number, stock: number): {text: string; atMost(limit: number): boolean} {
  if (stock === 0) return {text: guide === 0 ? '0 ÷ 0' : '— (stock 0)', atMost: () => guide === 0};
  const value = guide / stock;
  return {text: `${value.toFixed(2)} ×`, atMost: (limit) => value <= limit};
}

export function renderSideBySide(result: SideBySide): string[] {
  const stock = result.pages.find((p) => p.page.reference)!;
  const guides = result.pages.filter((p) => !p.page.stock && !p.page.reference);
  const s = stock.lighthouse;
  return [
    '## Side by side with a stock Docusaurus page',
    '',
    `The stock pages: one-page sites from the classic template (docs-only), built by the bench with this project's Docusaurus and the same \`future: {v4: true, faster: true}\`, and served by the same server as the guide (\`npm run serve\`, compressed). "${stock.page.name}", which the guides are held against, is the guide's own MDX with stock Tabs and CodeBlock in place of its components and without the try-it panel: the same content without this project's engineering. Lighthouse mobile, ${result.runs} run(s) per page interleaved (${result.pages.map((p) => p.page.name).join(', ')}, then again), medians.`,
    '',
    '| page | performance (runs) | FCP | LCP | TBT | CLS | accessibility | best practices | SEO |',
    '|---|---|---|---|---|---|---|---|---|',
    ...result.pages.map(({page, lighthouse: l, scores}) =>
      `| ${page.name} | ${l.performance} (${scores.join(', ')}) | ${ms(l.fcpMs)} | ${ms(l.lcpMs)} | ${ms(l.tbtMs)} | ${l.cls.toFixed(3)} | ${l.accessibility} | ${l.bestPractices} | ${l.seo} |`,
    ),
    '',
    `### The guide against ${stock.page.name} (same run)`,
    '',
    '| target | ' + guides.map((g) => g.page.name).join(' | ') + ' |',
    '|---|' + guides.map(() => '---|').join(''),
    ...targetRows(guides, s).map(([name, cells]) => `| ${name} | ${cells.join(' | ')} |`),
    '',
    `### Start-up on the main thread (CPU slowed ${CPU_SLOWDOWN}×, median of ${result.runs} load(s), fresh browser context each)`,
    '',
    '`main.js` first run: its EvaluateScript in the trace (compile and run, no code cache). Hydration commit: the longest main-thread task from the end of `main.js` to `<html data-has-hydrated>`; hydration work: all tasks in that window (route chunks, hydration, the re-render after it). Hydrated at: from navigation start, network not slowed.',
    '',
    '| page | `main.js` first run | hydration commit | hydration work | hydrated at |',
    '|---|---|---|---|---|',
    ...result.pages.map(({page, startup: t}) => `| ${page.name} | ${ms(t.mainJsMs)} | ${ms(t.hydrationCommitMs)} | ${ms(t.hydrationWorkMs)} | ${ms(t.hydratedAtMs)} |`),
    '',
    ...guides.map(({page, startup: t}) => `- ${page.name} ÷ ${stock.page.name}: \`main.js\` ${ratio(t.mainJsMs, stock.startup.mainJsMs).text}, hydration commit ${ratio(t.hydrationCommitMs, stock.startup.hydrationCommitMs).text}, hydration work ${ratio(t.hydrationWorkMs, stock.startup.hydrationWorkMs).text}.`),
    '',
    `### A reader's first input once the page is interactive (CPU slowed ${CPU_SLOWDOWN}×, median of ${result.runs} load(s) per input)`,
    '',
    'Each input in a fresh page as soon as it is hydrated: a "Python" tab, the first code block\'s copy button, a key in the try-it panel\'s address field. The figure is the input\'s Event Timing duration, from the input to the next frame painted after it (what INP is made of); the browser reports only inputs of 16 ms or more, so "≤ 16 ms" is within one frame.',
    '',
    '| page | first tab switch | first copy | first keystroke in the panel |',
    '|---|---|---|---|',
    ...result.pages.map(({page, inputs: i}) => `| ${page.name} | ${formatInputMs(i.tabSwitchMs)} | ${formatInputMs(i.copyMs)} | ${formatInputMs(i.keystrokeMs)} |`),
    '',
    ...againstBaselines(result.pages),
  ];
}

/** What this build bought over an earlier one measured in the same run (BENCH_BASELINE). */
function againstBaselines(pages: PageFigures[]): string[] {
  const pairs = pages.flatMap((before) => {
    const now = before.page.baselineOf && pages.find((p) => p.page.name === before.page.baselineOf);
    return now ? [{now, before}] : [];
  });
  if (pairs.length === 0) return [];
  return [
    '### This build against the baseline (same run)',
    '',
    '| page | performance | LCP | TBT | `main.js` first run | hydration commit |',
    '|---|---|---|---|---|---|',
    ...pairs.map(({now, before}) => {
      const [n, b] = [now.lighthouse, before.lighthouse];
      const change = (a: number, z: number) => `${ms(z)} → ${ms(a)} (${ratio(a, z).text})`;
      return `| ${now.page.name} vs ${before.page.name} | ${b.performance} → ${n.performance} (${signed(n.performance - b.performance)}) | ${change(n.lcpMs, b.lcpMs)} | ${change(n.tbtMs, b.tbtMs)} | ${change(now.startup.mainJsMs, before.startup.mainJsMs)} | ${change(now.startup.hydrationCommitMs, before.startup.hydrationCommitMs)} |`;
    }),
    '',
  ];
}

function targetRows(guides: PageFigures[], s: LighthouseScores): [string, string[]][] {
  const each = (cell: (g: LighthouseScores) => string) => guides.map((g) => cell(g.lighthouse));
  const scoreTarget = s.performance + TARGET.scoreOverStock;
  const english = guides.find((g) => g.page.name === ENGLISH_GUIDE);
  const chinese = guides.find((g) => g.page.name === CHINESE_GUIDE);
  return [
    [`LCP ≤ ${TARGET.lcpRatio} × stock's (${ms(s.lcpMs)})`, each((g) => `${ratio(g.lcpMs, s.lcpMs).text} (${ms(g.lcpMs)}): ${verdict(ratio(g.lcpMs, s.lcpMs).atMost(TARGET.lcpRatio))}`)],
    [`TBT ≤ ${TARGET.tbtRatio} × stock's (${ms(s.tbtMs)})`, each((g) => `${ratio(g.tbtMs, s.tbtMs).text} (${ms(g.tbtMs)}): ${verdict(ratio(g.tbtMs, s.tbtMs).atMost(TARGET.tbtRatio))}`)],
    ...(english && chinese && s.tbtMs > 0
      ? [
          [
            `${CHINESE_GUIDE}’s TBT ratio within ${TARGET.localeRatioGap} × of the ${ENGLISH_GUIDE}’s`,
            guides.map((g) => {
              if (g !== chinese) return '';
              const gap = (chinese.lighthouse.tbtMs - english.lighthouse.tbtMs) / s.tbtMs;
              return `${signed(Number(gap.toFixed(2)))} ×: ${verdict(gap <= TARGET.localeRatioGap)}`;
            }),
          ] as [string, string[]],
        ]
      : []),
    [
      `performance ≥ stock + ${TARGET.scoreOverStock} (${scoreTarget}${scoreTarget > 100 ? ', above 100: out of reach this run' : ''})`,
      each((g) => `${g.performance} (${signed(g.performance - s.performance)}): ${verdict(g.performance >= scoreTarget)}`),
    ],
    [`moonshot: performance ≥ ${TARGET.scoreMoonshot}`, each((g) => `${g.performance}: ${verdict(g.performance >= TARGET.scoreMoonshot)}`)],
    [
      'accessibility, best practices, SEO = 100',
      each((g) => `${g.accessibility}, ${g.bestPractices}, ${g.seo}: ${verdict([g.accessibility, g.bestPractices, g.seo].every((v) => v >= TARGET.otherCategories))}`),
    ],
    [`CLS < ${TARGET.clsBelow}`, each((g) => `${g.cls.toFixed(3)}: ${verdict(g.cls < TARGET.clsBelow)}`)],
  ];
}

const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);
