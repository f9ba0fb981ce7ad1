import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {stockGuideMdx} from '../../bench/stock-site';

const root = resolve(__dirname, '../..');
const mdx = stockGuideMdx(root);

test('the stock version of the guide keeps its text and tabs, with stock components only', () => {
  const guide = readFileSync(resolve(root, 'docs/get-started/authentication/personal-access-tokens.mdx'), 'utf8');
  for (const heading of guide.match(/^#{1,3} .+$/gm)!) assert.ok(mdx.includes(heading), heading);
  assert.equal(mdx.match(/<Tabs /g)?.length, guide.match(/<Tabs /g)?.length);
  assert.doesNotMatch(mdx, /@site\/|\?raw'|<Example|<TryIt|runCommands/);
  assert.match(mdx, /^---\nslug: \/\n/);
});

test('each example file is inlined as the CodeBlock the guide renders, and each Run as its commands', () => {
  const authenticate = readFileSync(resolve(root, 'examples/node/authenticate.mjs'), 'utf8');
  assert.ok(mdx.includes(`export const nodeAuth = ${JSON.stringify(authenticate)};`));
  assert.ok(mdx.includes('<CodeBlock language="javascript" title="authenticate.mjs">{nodeAuth}</CodeBlock>'));
  assert.match(mdx, /export const RUN_COMMANDS = \{.*"node\/authenticate\.mjs":"node authenticate\.mjs"/);
  assert.ok(mdx.includes('{RUN_COMMANDS[example]}'));
});
