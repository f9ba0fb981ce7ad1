/**
 * SITE_URL: the one setting for the site's own address, from which Docusaurus writes the canonical
 * URL, og:url, the hreflang links and the sitemap. The default is where `npm run serve` answers with
 * its default settings, so a local build's links work; a deployment sets its public origin.
 */
export const DEFAULT_SITE_URL = 'http://127.0.0.1:3000';

/** SITE_URL as Docusaurus's `url` (an origin), or an error that says what it must look like. */
export function siteUrlFrom(value: string | undefined): string {
  if (value === undefined || value === '') return DEFAULT_SITE_URL;
  const parsed = URL.canParse(value) ? new URL(value) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new Error(`SITE_URL must be the site's address with http:// or https://, like https://docs.example.com, not "${value}"`);
  }
  if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(`SITE_URL must be an origin only, like ${parsed.origin}, with no path, query or user: "${value}" (the site is served at the root)`);
  }
  return parsed.origin;
}
