import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, it} from 'node:test';
import {extractAllSourceCodeFileTranslations, getBabelOptions} from '@docusaurus/babel';

const root = resolve(__dirname, '../../..');
const CHINESE = /[\u3400-\u9fff]/;

/** Every file under src/ that may call translate() or render <Translate>, as write-translations reads them. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.(?:[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The strings the site's own code asks for, and their descriptions, extracted the way `npm run write-translations` does. */
async function extractSiteStrings(): Promise<{strings: Map<string, string>; descriptions: Map<string, string | undefined>; warnings: string[]}> {
  const extracted = await extractAllSourceCodeFileTranslations(sourceFiles(join(root, 'src')), getBabelOptions({isServer: true}));
  const strings = new Map<string, string>();
  const descriptions = new Map<string, string | undefined>();
  const warnings: string[] = [];
  for (const file of extracted) {
    for (const [id, {message, description}] of Object.entries(file.translations)) {
      strings.set(id, message);
      descriptions.set(id, description);
    }
    warnings.push(...file.warnings.map((warning) => `${file.sourceCodeFilePath}: ${warning}`));
  }
  return {strings, descriptions, warnings};
}

type CodeJson = Record<string, {message: string; description?: string}>;

/** The ids with no entry, and the entries still in English (write-translations copies the English for a new id). */
function translationGaps(strings: Map<string, string>, code: CodeJson): {missing: string[]; untranslated: string[]} {
  const missing = [...strings.keys()].filter((id) => !code[id]);
  const untranslated = [...strings.keys()].filter((id) => code[id] && !CHINESE.test(code[id].message));
  return {missing, untranslated};
}

const chinese = (): CodeJson => JSON.parse(readFileSync(join(root, 'i18n/zh-Hans/code.json'), 'utf8'));

describe('zh-Hans translations', () => {
  it('every string src/ passes to translate() or <Translate> has a Chinese entry in i18n/zh-Hans/code.json', async () => {
    const {strings, warnings} = await extractSiteStrings();
    // A dynamic id or message cannot be extracted, so it could never be translated.
    assert.deepEqual(warnings, [], 'translate()/<Translate> with a message that is not a literal');
    assert.ok(strings.size > 0, 'no translate()/<Translate> found in src/');
    const {missing, untranslated} = translationGaps(strings, chinese());
    assert.deepEqual(missing, [], 'ids without an entry: run `npm run write-translations`, then translate them');
    assert.deepEqual(untranslated, [], 'entries still in English in i18n/zh-Hans/code.json');
  });

  it('covers every string of the try-it panel, and reports one that lost its Chinese', async () => {
    const {strings} = await extractSiteStrings();
    // The panel's wording takes translate() as an argument: each of its calls must still be found.
    const written = sourceFiles(join(root, 'src/components/TryIt')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\btranslate\(\s*\{\s*id:\s*'(tryIt\.[^']+)'/g)].map((call) => call[1]));
    const extracted = [...strings.keys()].filter((id) => id.startsWith('tryIt.'));
    assert.ok(written.length > 100, `only ${written.length} translate() calls found in the panel`);
    assert.deepEqual(extracted.sort(), [...new Set(written)].sort());

    const withoutSubmit = chinese();
    delete withoutSubmit['tryIt.form.submit'];
    assert.deepEqual(translationGaps(strings, withoutSubmit).missing, ['tryIt.form.submit']);
    const english = {...chinese(), 'tryIt.failure.http.401.signIn': {message: 'Wrong user name or password (401).'}};
    assert.deepEqual(translationGaps(strings, english).untranslated, ['tryIt.failure.http.401.signIn']);
  });

  it('gives translators context: every string of the try-it panel has a description, and code.json carries it as write-translations writes it', async () => {
    const {descriptions} = await extractSiteStrings();
    const panel = [...descriptions].filter(([id]) => id.startsWith('tryIt.'));
    assert.ok(panel.length > 100);
    assert.deepEqual(
      panel.filter(([, description]) => !description?.trim()).map(([id]) => id),
      [],
      'panel strings without a description: add one to the translate() call',
    );
    const code = chinese();
    assert.deepEqual(
      panel.filter(([id, description]) => code[id]?.description !== description).map(([id]) => id),
      [],
      'descriptions in i18n/zh-Hans/code.json that differ from the source: run `npm run write-translations`',
    );
  });
});
