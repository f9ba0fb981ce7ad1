import {useMemo} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {createPanelText, type PanelText} from './panel';

/** The panel's words in the page's locale, dates and relative times formatted for it too. */
export function usePanelText(): PanelText {
  const {currentLocale} = useDocusaurusContext().i18n;
  return useMemo(() => createPanelText(translate, currentLocale), [currentLocale]);
}
