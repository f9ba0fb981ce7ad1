/** The try-it panel's words in English or Chinese, as usePanelText gives them to the widget. */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {createFailureText} from '../../../src/components/TryIt/wording/failure';
import {guideLinkText} from '../../../src/components/TryIt/wording/guideSections';
import {createPanelText, type Translate} from '../../../src/components/TryIt/wording/panel';
import {createSetupKeyText} from '../../../src/components/TryIt/wording/setupKey';

export const CHINESE_MESSAGES = JSON.parse(readFileSync(resolve(__dirname, '../../../i18n/zh-Hans/code.json'), 'utf8')) as Record<string, {message: string}>;

/** Docusaurus's translate() for plain values: the locale's message, `{name}` replaced. */
function translatorFor(messages: Record<string, {message: string}>): Translate {
  return (({id, message}: {id?: string; message?: string}, values?: Record<string, string | number>) =>
    (messages[id!]?.message ?? message!).replace(/\{(\w+)\}/g, (placeholder, name: string) => (values && name in values ? String(values[name]) : placeholder))) as Translate;
}

const messagesOf = (locale: 'en' | 'zh-Hans') => (locale === 'en' ? {} : CHINESE_MESSAGES);

export const panelText = (locale: 'en' | 'zh-Hans') => createPanelText(translatorFor(messagesOf(locale)), locale);
export const failureText = (locale: 'en' | 'zh-Hans') => createFailureText(translatorFor(messagesOf(locale)));
export const setupKeyText = (locale: 'en' | 'zh-Hans') => createSetupKeyText(translatorFor(messagesOf(locale)));
export const guideLink = (locale: 'en' | 'zh-Hans') => guideLinkText(translatorFor(messagesOf(locale)));
