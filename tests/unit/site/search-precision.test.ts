import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  isExactWord,
  keepOneHitPerSection,
  withExactShortWords,
  withOneSecondFactorTerm,
  zhUserDict,
  type SmartQuery,
} from '../../../plugins/search-precision/precision';

const REQUIRED = 2;
const query = (...terms: [string, number?][]): SmartQuery => ({
  tokens: terms.map(([value]) => value),
  term: terms.map(([value, editDistance]) => ({value, presence: REQUIRED, wildcard: 0, ...(editDistance ? {editDistance} : {})})),
});

describe('search precision (plugins/search-precision)', () => {
  it('treats status codes and short words as exact, longer words as fuzzy', () => {
    for (const word of ['401', '403', '429', '502', 'cors', 'html', 'http2']) assert.equal(isExactWord(word), true, word);
    for (const word of ['lockout', 'gateway', 'timeout']) assert.equal(isExactWord(word), false, word);
  });

  it('drops the edit distance of exact words, and the fuzzy queries that only repeat an exact one', () => {
    const queries = [query(['401']), query(['401', 1]), query(['cors', 1]), query(['lockout', 1]), query(['401', 1], ['lockout', 1])];
    assert.deepEqual(withExactShortWords(queries), [query(['401']), query(['lockout', 1]), query(['401'], ['lockout', 1])]);
  });

  it('lists each section once: the first hit of a page and anchor stays, in order', () => {
    const hit = (u: string, h: string, title: string) => ({document: {u, h}, title});
    const results = [
      hit('/guide', '#401-authentication-failed', 'heading'),
      hit('/guide', '#403-user-disabled', 'heading'),
      hit('/guide', '#401-authentication-failed', 'text'),
      hit('/intro', '#the-sandbox-portal', 'text'),
      hit('/guide', '#403-user-disabled', 'text'),
    ];
    keepOneHitPerSection(results);
    assert.deepEqual(
      results.map(({document, title}) => `${document.u}${document.h} ${title}`),
      ['/guide#401-authentication-failed heading', '/guide#403-user-disabled heading', '/intro#the-sandbox-portal text'],
    );
  });

  it('reads every Chinese name of the second factor as the guide’s 两步验证, and keeps each one word for jieba', () => {
    assert.deepEqual(withOneSecondFactorTerm(['二步验证', '双重身份验证码', '两步验证', 'token']), ['两步验证', '两步验证码', '两步验证', 'token']);
    assert.deepEqual(zhUserDict().split('\n').map((line) => line.split(' ')[0]), ['两步验证', '二步验证', '双重身份验证']);
  });
});
