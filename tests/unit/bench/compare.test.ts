import {test} from 'node:test';
import assert from 'node:assert/strict';
import {renderSideBySide, type PageFigures, type SideBySide} from '../../../bench/compare';
import type {LighthouseScores} from '../../../bench/lighthouse';

const startup = {mainJsMs: 100, hydrationCommitMs: 40, hydrationWorkMs: 80, hydratedAtMs: 900};
const scores = (over: Partial<LighthouseScores>): LighthouseScores => ({
  performance: 90, accessibility: 100, bestPractices: 100, seo: 100, fcpMs: 900, lcpMs: 2000, tbtMs: 400, cls: 0, ...over,
});
const figures = (name: string, lighthouse: LighthouseScores, reference = false): PageFigures => ({
  page: {name, url: `http://127.0.0.1/${name}`, reference},
  lighthouse,
  scores: [lighthouse.performance],
  startup,
  inputs: {tabSwitchMs: 0, copyMs: 24.4},
});

/** The guide's cell of the target row that starts with `target`. */
function targetCell(result: SideBySide, target: string): string {
  const row = renderSideBySide(result).find((line) => line.startsWith(`| ${target}`));
  assert.ok(row, `no row for "${target}"`);
  return row.split(' | ')[1]!.replace(/ \|$/, '');
}

test('the guide is given as ratios to the stock page, each target met or missed', () => {
  const result = {
    runs: 5,
    pages: [figures('guide', scores({lcpMs: 900, tbtMs: 100, performance: 96, cls: 0.01})), figures('stock', scores({}), true)],
  };
  assert.equal(targetCell(result, 'LCP ≤ 0.5'), '0.45 × (900 ms): met');
  assert.equal(targetCell(result, 'TBT ≤ 0.3'), '0.25 × (100 ms): met');
  assert.equal(targetCell(result, 'performance ≥ stock + 10'), '96 (+6): **missed**');
  assert.equal(targetCell(result, 'moonshot: performance'), '96: **missed**');
  assert.equal(targetCell(result, 'CLS < 0.01'), '0.010: **missed**');
});

test('a stock TBT of 0 leaves no ratio: only a guide TBT of 0 keeps up with it', () => {
  const even = {runs: 5, pages: [figures('guide', scores({tbtMs: 0})), figures('stock', scores({tbtMs: 0}), true)]};
  assert.equal(targetCell(even, 'TBT ≤ 0.3'), '0 ÷ 0 (0 ms): met');
  const behind = {runs: 5, pages: [figures('guide', scores({tbtMs: 30})), figures('stock', scores({tbtMs: 0}), true)]};
  assert.equal(targetCell(behind, 'TBT ≤ 0.3'), '— (stock 0) (30 ms): **missed**');
});

test('a stock score above 90 makes stock + 10 out of reach, and says so', () => {
  const result = {runs: 5, pages: [figures('guide', scores({performance: 100})), figures('stock', scores({performance: 99}), true)]};
  const row = renderSideBySide(result).find((line) => line.startsWith('| performance ≥ stock + 10'));
  assert.match(row!, /\(109, above 100: out of reach this run\) \| 100 \(\+1\): \*\*missed\*\*/);
});

test('only the reference stock page sets the targets; another stock page is measured, not held to them', () => {
  const other: PageFigures = figures('stock tutorial page', scores({tbtMs: 2000}));
  other.page.stock = true;
  const result = {runs: 5, pages: [figures('guide', scores({tbtMs: 100})), figures('guide MDX on stock', scores({tbtMs: 500}), true), other]};
  const lines = renderSideBySide(result);
  assert.equal(targetCell(result, 'TBT ≤ 0.3'), '0.20 × (100 ms): met');
  assert.ok(lines.includes('| target | guide |'));
  assert.ok(lines.some((line) => line.startsWith('| stock tutorial page | 90 (90) |')));
});

test('the Chinese guide’s TBT ratio is held within 0.1 × of the English guide’s', () => {
  const pages = (chineseTbt: number) => [figures('guide', scores({tbtMs: 100})), figures('Chinese guide', scores({tbtMs: chineseTbt})), figures('stock', scores({tbtMs: 1000}), true)];
  const row = (chineseTbt: number) => renderSideBySide({runs: 5, pages: pages(chineseTbt)}).find((line) => line.startsWith('| Chinese guide’s TBT ratio'))!;
  assert.equal(row(180), '| Chinese guide’s TBT ratio within 0.1 × of the guide’s |  | +0.08 ×: met |');
  assert.equal(row(250), '| Chinese guide’s TBT ratio within 0.1 × of the guide’s |  | +0.15 ×: **missed** |');
});

test('a baseline build (BENCH_BASELINE) is shown against the build it came before, same run', () => {
  const baseline: PageFigures = {...figures('guide at main', scores({performance: 80, tbtMs: 500, lcpMs: 1000})), startup: {...startup, mainJsMs: 120}};
  baseline.page.baselineOf = 'guide';
  const result = {runs: 5, pages: [figures('guide', scores({performance: 85, tbtMs: 400, lcpMs: 950})), baseline, figures('stock', scores({}), true)]};
  const lines = renderSideBySide(result);
  assert.ok(lines.includes('### This build against the baseline (same run)'));
  const row = lines.find((line) => line.startsWith('| guide vs guide at main'));
  assert.equal(row, '| guide vs guide at main | 80 → 85 (+5) | 1000 ms → 950 ms (0.95 ×) | 500 ms → 400 ms (0.80 ×) | 120 ms → 100 ms (0.83 ×) | 40 ms → 40 ms (1.00 ×) |');
  const without = renderSideBySide({runs: 5, pages: [figures('guide', scores({})), figures('stock', scores({}), true)]});
  assert.ok(!without.some((line) => line.includes('against the baseline')));
});

test("a reader's first inputs: under a frame, the duration, or no panel to type into", () => {
  const guide = {...figures('guide', scores({})), inputs: {tabSwitchMs: 0, copyMs: 0, keystrokeMs: 40.2}};
  const lines = renderSideBySide({runs: 5, pages: [guide, figures('stock', scores({}), true)]});
  assert.ok(lines.includes('| guide | ≤ 16 ms | ≤ 16 ms | 40 ms |'));
  assert.ok(lines.includes('| stock | ≤ 16 ms | 24 ms | – |'));
});
