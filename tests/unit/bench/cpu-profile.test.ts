import assert from 'node:assert/strict';
import {test} from 'node:test';
import {addProfile, busyStretches, emptyTotals, shortSource, topRows, type CpuProfile, type Locate} from '../../../bench/cpu-profile';

const frame = (functionName: string, url = '', columnNumber = 0) => ({functionName, url, lineNumber: 0, columnNumber});
const MAIN = 'http://127.0.0.1:1/assets/js/main.abc.js';

/** root → render (react-dom) → useY (theme-common); root → (idle). */
const profile: CpuProfile = {
  nodes: [
    {id: 1, callFrame: frame('(root)'), children: [2, 4]},
    {id: 2, callFrame: frame('a', MAIN, 10), children: [3]},
    {id: 3, callFrame: frame('b', MAIN, 20)},
    {id: 4, callFrame: frame('(idle)')},
  ],
  samples: [3, 3, 2, 4],
  timeDeltas: [0, 2000, 1000, 500],
};
const locate: Locate = (url, line, column) => {
  if (url !== MAIN || line !== 1) return null;
  if (column === 10) return {source: 'webpack://site/node_modules/react-dom/cjs/react-dom-client.production.js', name: 'render'};
  if (column === 20) return {source: 'webpack://site/node_modules/@docusaurus/theme-common/lib/hooks/useY.js', name: 'useY'};
  return null;
};

test('each sample counts until the next one: self time to the mapped function on top, inclusive once per file on the stack', () => {
  const totals = emptyTotals();
  addProfile(totals, profile, locate);
  assert.equal(totals.totalMs, 3.5);
  assert.deepEqual(Object.fromEntries(totals.selfByFunction), {
    '@docusaurus/theme-common/lib/hooks/useY.js useY': 3,
    'react-dom render': 0.5,
    '(idle)': 0,
  });
  assert.equal(totals.inclusiveByFile.get('react-dom'), 3.5);
  assert.equal(totals.inclusiveByFile.get('@docusaurus/theme-common/lib/hooks/useY.js'), 3);
  assert.equal(totals.inclusiveByFile.get('(root)'), 3.5);
});

test('several loads add up, and rows are per load, biggest first', () => {
  const totals = emptyTotals();
  addProfile(totals, profile, locate);
  addProfile(totals, profile, locate);
  assert.deepEqual(topRows(totals.selfByFunction, 2, 2), [
    '| 3.0 ms | `@docusaurus/theme-common/lib/hooks/useY.js useY` |',
    '| 0.5 ms | `react-dom render` |',
  ]);
});

test('a frame outside the mapped bundles keeps its own name', () => {
  const totals = emptyTotals();
  addProfile(totals, {nodes: [{id: 1, callFrame: frame('n', 'http://127.0.0.1:1/docs/page', 3)}], samples: [1, 1], timeDeltas: [0, 1000]}, () => null);
  assert.deepEqual([...totals.selfByFunction], [['page n', 1]]);
});

test('sources are shortened to the package, or to the file for Docusaurus packages and the site', () => {
  assert.equal(shortSource('webpack://docspace-auth-guide/node_modules/react-dom/cjs/react-dom-client.production.js'), 'react-dom');
  assert.equal(shortSource('webpack://x/node_modules/@easyops-cn/autocomplete.js/index.js'), '@easyops-cn/autocomplete.js');
  assert.equal(shortSource('webpack://x/node_modules/@docusaurus/theme-common/lib/utils/reactUtils.js'), '@docusaurus/theme-common/lib/utils/reactUtils.js');
  assert.equal(shortSource('webpack://docspace-auth-guide/./src/theme/Tabs/index.tsx'), 'src/theme/Tabs/index.tsx');
});

test('busy stretches: runs of samples between idle ones, kept from minMs, with the files on their stacks', () => {
  // busy 3 ms (react-dom, theme-common), idle 1 ms, busy 0.5 ms, idle.
  const twoStretches: CpuProfile = {...profile, samples: [3, 3, 4, 2, 4], timeDeltas: [0, 2000, 1000, 1000, 500, 0]};
  const stretches = busyStretches(twoStretches, locate, 0.1);
  assert.deepEqual(
    stretches.map(({startMs, durationMs}) => [startMs, durationMs]),
    [
      [0, 3],
      [4, 0.5],
    ],
  );
  assert.deepEqual(stretches[0]!.files, [
    ['@docusaurus/theme-common/lib/hooks/useY.js', 3],
    ['react-dom', 3],
  ]);
  assert.deepEqual(busyStretches(twoStretches, locate, 1).length, 1, 'the 0.5 ms stretch is under 1 ms');
});
