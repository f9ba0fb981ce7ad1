import {useMemo} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {createKeysText, type KeysText} from './keys';

/** The API key part's words in the page's locale (dates formatted for it too). */
export function useKeysText(): KeysText {
  const {currentLocale} = useDocusaurusContext().i18n;
  return useMemo(() => createKeysText(translate, currentLocale), [currentLocale]);
}
