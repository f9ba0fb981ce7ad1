// search-local's worker imports this module in place of its own smartQueries (see ./index.ts).
import {smartQueries as searchLocalQueries} from '../startup/worker-deep-imports';
import {withExactShortWords, withOneSecondFactorTerm, type SmartQuery} from './precision';

export function smartQueries(tokens: string[], zhDictionary: string[]): SmartQuery[] {
  return withExactShortWords(searchLocalQueries(withOneSecondFactorTerm(tokens), zhDictionary));
}
