import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {test} from 'node:test';
import dropInlined from '../../../plugins/inline-translations/drop-inlined.cjs';
import {inlineTranslations} from '../../../plugins/inline-translations/loader.cjs';
import {CHINESE_MESSAGES} from '../support/panel-text';

const wording = (file: string) => readFileSync(resolve(__dirname, '../../../src/components/TryIt/wording', file), 'utf8');

test('each translate() call becomes the locale’s text; one with values keeps translate() to interpolate them', () => {
  const source = `const a = translate({id: 'tryIt.form.submit', message: 'Get token'});
const b = translate(
  {
    id: 'tryIt.failure.timeout',
    message: 'The portal did not answer within {seconds} seconds.',
  },
  {seconds},
);`;
  assert.equal(
    inlineTranslations(source, CHINESE_MESSAGES),
    `const a = ("获取令牌");
const b = translate({message: "门户在 {seconds} 秒内没有应答。"},
  {seconds},
);`,
  );
  // English (no code.json): the default, without the id.
  assert.equal(inlineTranslations(source, {}).split('\n')[0], `const a = ('Get token');`);
});

test('every call of the panel’s wording is inlined, with its Chinese', () => {
  const panel = inlineTranslations(wording('panel.ts'), CHINESE_MESSAGES);
  const failure = inlineTranslations(wording('failure.ts'), CHINESE_MESSAGES);
  assert.doesNotMatch(panel + failure, /tryIt\./);
  assert.match(panel, /\("获取令牌"\)/);
  assert.match(failure, /\("用户名或密码错误（401）。"\)/);
});

test('a description, as Docusaurus takes it, is for translators: in any key order, it never reaches the chunk', () => {
  const source = `const a = translate({id: 'tryIt.form.submit', description: 'The button that signs in', message: 'Get token'});
const b = translate({message: 'The portal did not answer within {seconds} seconds.', description: 'The alert\\'s headline', id: 'tryIt.failure.timeout'}, {seconds});`;
  const chinese = inlineTranslations(source, CHINESE_MESSAGES);
  assert.equal(chinese, `const a = ("获取令牌");
const b = translate({message: "门户在 {seconds} 秒内没有应答。"}, {seconds});`);
  assert.doesNotMatch(inlineTranslations(source, {}), /description|button that signs in|tryIt\./);
});

test('a call the transform cannot read stops the build instead of shipping its id', () => {
  for (const call of [
    `translate({id: "tryIt.x", message: 'X'})`,
    `translate({id: 'tryIt.x', message: \`X\`})`,
    `translate({message: 'X', id: someId})`,
    `translate({message: 'X'})`,
    `translate({id: 'tryIt.x', message: 'X', note: 'n'})`,
    `translate({id: 'tryIt.x', message: 'X', message: 'Y'})`,
  ]) {
    assert.throws(() => inlineTranslations(call, {}), /cannot inline/, call);
  }
});

test('the inlined panel strings are left out of the translations the main bundle carries', () => {
  const kept = JSON.parse(dropInlined(JSON.stringify(CHINESE_MESSAGES))) as Record<string, unknown>;
  assert.equal(kept['tryIt.form.submit'], undefined);
  assert.deepEqual(kept['home.highlight.tryIt.title'], CHINESE_MESSAGES['home.highlight.tryIt.title']);
});
