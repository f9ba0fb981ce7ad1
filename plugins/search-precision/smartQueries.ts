// search-local's worker imports this module in place of its own smartQueries (see ./index.ts).
import {smartQueries as searchLocalQueries} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/smartQueries';
import {withExactShortWords, withOneSecondFactorTerm, type SmartQuery} from './precision';

export function smartQueries(tokens: string[], zhDictionary: string[]): SmartQuery[] {
  return withExactShortWords(searchLocalQueries(withOneSecondFactorTerm(tokens), zhDictionary));
}
