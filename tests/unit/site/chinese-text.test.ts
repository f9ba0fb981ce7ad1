import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {test} from 'node:test';
import {gapAfter} from '../../../src/components/TryIt/wording/cjk';
import {CHINESE_MESSAGES} from '../support/panel-text';

const ZH = resolve(__dirname, '../../../i18n/zh-Hans');
const FULL_WIDTH_END = /[，。：；！？、）」》]/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Lines that are Markdown structure, not running text: a table row, heading, list item, admonition, JSX, import. */
const STRUCTURE = /^\s*(\||#|- |\d+\. |:::|<|\{|import |export |---)/;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Where the Chinese pages would show a gap mid-sentence: a space typed after full-width punctuation,
 * or a line break inside a paragraph after it or between two Chinese characters (a browser renders
 * the break as a space).
 */
function gaps(source: string): string[] {
  const lines = source.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '').split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    // A space before a table's next cell or a heading's {/* #id */} is Markdown's, not the text's.
    if (new RegExp(`${FULL_WIDTH_END.source} +(?![|{ ])`).test(line)) found.push(`space: ${line}`);
    const next = lines[i + 1]?.trim() ?? '';
    const end = line.trimEnd().slice(-1);
    const inParagraph = line.trim() !== '' && next !== '' && !STRUCTURE.test(line) && !STRUCTURE.test(lines[i + 1]);
    if (inParagraph && (FULL_WIDTH_END.test(end) || (CJK.test(end) && CJK.test(next[0])))) found.push(`line break: ${line.slice(-20)}⏎${next.slice(0, 20)}`);
  });
  return found;
}

test('the Chinese pages have no gap after full-width punctuation or between Chinese characters', () => {
  for (const file of markdownFiles(ZH)) assert.deepEqual(gaps(readFileSync(file, 'utf8')), [], file);
  // The check finds what it is for.
  assert.equal(gaps('令牌： 值\n').length, 1);
  assert.equal(gaps('第一句。\n第二句。\n').length, 1);
  assert.equal(gaps('第一句\n第二句。\n').length, 1);
  assert.deepEqual(gaps('| 名称 | 说明。 |\n### 标题（锁定） {/* #id */}\n'), []);
});

test('no translated string has a space after full-width punctuation', () => {
  const spaced = Object.entries(CHINESE_MESSAGES).filter(([, {message}]) => new RegExp(`${FULL_WIDTH_END.source}\\s`).test(message));
  assert.deepEqual(spaced, []);
});

test('a label ending in full-width punctuation is followed by no space, another by one', () => {
  assert.equal(gapAfter('令牌：'), '');
  assert.equal(gapAfter('路径：'), '');
  assert.equal(gapAfter('Token:'), ' ');
});

test('the second factor has one Chinese name, 两步验证, in the guide and the panel', () => {
  const texts = [...markdownFiles(ZH).map((file) => readFileSync(file, 'utf8')), JSON.stringify(CHINESE_MESSAGES)];
  for (const other of ['二步验证', '双重身份验证', '第二重验证', '双因素']) {
    assert.equal(texts.filter((text) => text.includes(other)).length, 0, other);
  }
  assert.ok(texts.some((text) => text.includes('两步验证')));
});
