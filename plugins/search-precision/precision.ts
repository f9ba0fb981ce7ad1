/**
 * What plugins/search-precision changes in search-local's queries and results, as pure functions
 * (the worker modules beside this file apply them; tests/unit/site/search-precision.test.ts runs them).
 */

/** One term of a lunr query as search-local's smartQueries builds it. */
export interface QueryTerm {
  value: string;
  presence: number;
  wildcard: number;
  editDistance?: number;
}

export interface SmartQuery {
  tokens: string[];
  term: QueryTerm[];
}

/** A search result, as far as these functions read it. */
export interface SectionHit {
  /** The document: `u` its page's URL, `h` the section's anchor ('' for the top of the page). */
  document: {u: string; h?: string};
}

/**
 * The Chinese names of the second factor a reader may type; the guide and the panel say the first.
 * The Chinese index keeps each as one word (zhUserDict) and the query reads every one as the first.
 */
export const SECOND_FACTOR_TERMS = ['两步验证', '二步验证', '双重身份验证'] as const;

/** Words up to this length, and any word with a digit, match only exactly (or as typed so far). */
export const FUZZY_MIN_LENGTH = 5;

/** jieba's user dictionary (search-local's zhUserDict): each term a word of its own, with a high count. */
export function zhUserDict(): string {
  return SECOND_FACTOR_TERMS.map((term) => `${term} 100000 n`).join('\n');
}

const synonym = new RegExp(SECOND_FACTOR_TERMS.slice(1).join('|'), 'g');

/** The reader's tokens with every name of the second factor written as the guide writes it. */
export function withOneSecondFactorTerm(tokens: string[]): string[] {
  return tokens.map((token) => token.replace(synonym, SECOND_FACTOR_TERMS[0]));
}

/** Whether a word must match exactly: a status code such as 401 or 403, or a short word such as CORS. */
export function isExactWord(word: string): boolean {
  return /\d/.test(word) || [...word].length < FUZZY_MIN_LENGTH;
}

/**
 * The queries without edit distance on exact words. search-local allows one edit on every word
 * longer than one letter, so "401" also finds 403 and 201, and "cors" (stemmed "cor") finds "com".
 * A query left with no fuzzy word repeats an exact one and is dropped.
 */
export function withExactShortWords(queries: SmartQuery[]): SmartQuery[] {
  return queries.flatMap((query) => {
    const fuzzy = query.term.some((term) => term.editDistance);
    if (!fuzzy) return [query];
    const term = query.term.map((item): QueryTerm => {
      if (!item.editDistance || !isExactWord(item.value)) return item;
      const {editDistance: _exact, ...exact} = item;
      return exact;
    });
    return term.some((item) => item.editDistance) ? [{...query, term}] : [];
  });
}

/**
 * Keeps the first hit of each section (page and anchor) and removes the others, in place: a
 * section's heading and its text are two documents of the index, and both match a word the heading
 * holds.
 */
export function keepOneHitPerSection(results: SectionHit[]): void {
  const seen = new Set<string>();
  let kept = 0;
  for (const result of results) {
    const section = `${result.document.u}${result.document.h ?? ''}`;
    if (seen.has(section)) continue;
    seen.add(section);
    results[kept++] = result;
  }
  results.length = kept;
}
