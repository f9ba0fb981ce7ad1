/**
 * Where the widget finds the sandbox and the proxy. The sandbox address comes from the build
 * (`customFields.sandboxUrl`, set from SANDBOX_URL) or, failing that, from the server at run
 * time (`site-config.json`, which `npm run serve` answers from its own SANDBOX_URL), so one build
 * works with a sandbox on any port.
 */
import {useEffect, useState} from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

export interface WidgetConfig {
  /** The sandbox portal's URL, when the site knows one. */
  sandboxUrl?: string;
  /** Absolute URL of this site's portal proxy, or undefined when the site has none. */
  proxyUrl?: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

export function useWidgetConfig(): WidgetConfig {
  const {siteConfig, i18n} = useDocusaurusContext();
  const {customFields = {}} = siteConfig;
  // One file for the whole site: a Chinese page's base URL ends in /zh-Hans/, the file is at the root.
  const runtimeConfigUrl = `${i18n.localeConfigs[i18n.defaultLocale]?.baseUrl ?? siteConfig.baseUrl}site-config.json`;
  const built = text(customFields.sandboxUrl);
  const [fetched, setFetched] = useState<string | undefined>();
  const proxyPath = customFields.portalProxy === undefined ? '/portal-proxy' : text(customFields.portalProxy);

  useEffect(() => {
    if (built) return;
    let current = true;
    fetch(runtimeConfigUrl, {credentials: 'omit'})
      .then((response) => (response.ok ? response.json() : {}))
      .then((config: {sandboxUrl?: unknown}) => current && setFetched(text(config.sandboxUrl)))
      .catch(() => {}); // no runtime config: no sandbox button
    return () => {
      current = false;
    };
  }, [built, runtimeConfigUrl]);

  return {
    sandboxUrl: built ?? fetched,
    proxyUrl: proxyPath ? new URL(proxyPath, location.origin).href : undefined,
  };
}
