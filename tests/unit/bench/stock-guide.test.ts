import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {stockGuideMdx} from '../../../bench/stock-site';

const root = resolve(__dirname, '../../..');
const mdx = stockGuideMdx(root);

test('the stock version of the guide keeps its text and tabs, with stock components only', () => {
  const guide = readFileSync(resolve(root, 'docs/get-started/authentication/personal-access-tokens.mdx'), 'utf8');
  for (const heading of guide.match(/^#{1,3} .+$/gm)!) assert.ok(mdx.includes(heading), heading);
  // The stock Environment adds its own Tabs once, in its definition.
  assert.equal(mdx.replace(/^export const Environment = .*$/m, '').match(/<Tabs /g)?.length, guide.match(/<Tabs /g)?.length);
  assert.doesNotMatch(mdx, /@site\/|\?raw'|<Example|<TryIt|runCommands|<\/?(StepsWithPanel|Steps|Panel)>/);
  assert.match(mdx, /^---\nslug: \/\n/);
});

test('each example file is inlined as the CodeBlock the guide renders, and each Run as its commands', () => {
  const program = readFileSync(resolve(root, 'examples/node/docspace.mjs'), 'utf8');
  assert.ok(mdx.includes(`export const nodeProgram = ${JSON.stringify(program)};`));
  assert.ok(mdx.includes('<CodeBlock language="javascript" title="docspace.mjs">{nodeProgram}</CodeBlock>'));
  assert.match(mdx, /^export const EXAMPLES = \{"curl":/m);
  assert.match(mdx, /^export function runSteps\(/m);
  assert.match(mdx, /^export const Environment = /m);
});
