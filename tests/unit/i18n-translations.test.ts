import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {extractAllSourceCodeFileTranslations, getBabelOptions} from '@docusaurus/babel';

const root = resolve(__dirname, '../..');
const CHINESE = /[\u3400-\u9fff]/;

/** Every file under src/ that may call translate() or render <Translate>, as write-translations reads them. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.(?:[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The strings the site's own code asks for, extracted the way `npm run write-translations` does. */
async function extractSiteStrings(): Promise<{strings: Map<string, string>; warnings: string[]}> {
  const extracted = await extractAllSourceCodeFileTranslations(sourceFiles(join(root, 'src')), getBabelOptions({isServer: true}));
  const strings = new Map<string, string>();
  const warnings: string[] = [];
  for (const file of extracted) {
    for (const [id, {message}] of Object.entries(file.translations)) strings.set(id, message);
    warnings.push(...file.warnings.map((warning) => `${file.sourceCodeFilePath}: ${warning}`));
  }
  return {strings, warnings};
}

describe('zh-Hans translations', () => {
  it('every string src/ passes to translate() or <Translate> has a Chinese entry in i18n/zh-Hans/code.json', async () => {
    const {strings, warnings} = await extractSiteStrings();
    // A dynamic id or message cannot be extracted, so it could never be translated.
    assert.deepEqual(warnings, [], 'translate()/<Translate> with a message that is not a literal');
    assert.ok(strings.size > 0, 'no translate()/<Translate> found in src/');
    const code = JSON.parse(readFileSync(join(root, 'i18n/zh-Hans/code.json'), 'utf8')) as Record<string, {message: string}>;
    const missing = [...strings.keys()].filter((id) => !code[id]);
    assert.deepEqual(missing, [], 'ids without an entry: run `npm run write-translations`, then translate them');
    // write-translations copies the English for a new id; a copy still in English is untranslated.
    const untranslated = [...strings].filter(([id]) => !CHINESE.test(code[id]!.message)).map(([id]) => id);
    assert.deepEqual(untranslated, [], 'entries still in English in i18n/zh-Hans/code.json');
  });
});
