import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {HttpBindings} from '@hono/node-server';
import {serveStatic} from '@hono/node-server/serve-static';
import {Hono, type MiddlewareHandler} from 'hono';
import {etag} from 'hono/etag';
import type {ProxyRequestContext} from '../proxy/handler';
import {proxyRequestContext} from '../proxy/node';
import {negotiateEncoding} from './encoding';
import {isHashedAsset, lookupPath} from './paths';
import {type SecurityHeaderOptions, securityHeaders} from './security-headers';
import {type BuiltFile, type SiteSnapshot, snapshotBuild} from './snapshot';

export interface SiteAppOptions {
  /** The Docusaurus build to serve (`npm run build` writes ./build). */
  buildDir: string;
  /**
   * Answers `/portal-proxy` and everything below it (the try-it widget's route to portals that
   * refuse cross-origin calls). Left out, those paths are plain 404s.
   */
  portalProxy?: (request: Request, context: ProxyRequestContext) => Promise<Response>;
  /**
   * Answers `/site-config.json`: settings the page reads at run time, so one build works with a
   * sandbox on any port (the try-it widget's "Use the sandbox portal" button).
   */
  siteConfig?: {sandboxUrl?: string};
  /** More CSP sources for connect-src and img-src than any https origin and the sandbox. */
  extraOrigins?: SecurityHeaderOptions['extraOrigins'];
}

export interface SiteApp {
  app: Hono<SiteEnv>;
  /** Removes the start-up copy of the build. */
  close(): Promise<void>;
}

type SiteEnv = {Bindings: HttpBindings; Variables: {file?: {path: string; built: BuiltFile; notFound: boolean}}};

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files may change with every deploy: revalidate (cheap, thanks to ETag). */
const REVALIDATE = 'no-cache';
const NOT_FOUND_PAGE = '404.html';

/**
 * The 404 page in the reader's language: Docusaurus builds one per locale (`zh-Hans/404.html`),
 * so a missing page under `/zh-Hans/` answers in Chinese; anything else gets the default one.
 */
function notFoundPageFor(snapshot: SiteSnapshot, pathname: string): string | undefined {
  const localePage = `${pathname.split('/')[1]}/${NOT_FOUND_PAGE}`;
  if (snapshot.files.has(localePage)) return localePage;
  return snapshot.files.has(NOT_FOUND_PAGE) ? NOT_FOUND_PAGE : undefined;
}

/** `zh-Hans/index.html`: the home of a locale (a top-level folder with its own 404 page). */
function isLocaleHome(snapshot: SiteSnapshot, path: string): boolean {
  return /^[^/]+\/index\.html$/.test(path) && snapshot.files.has(path.replace('index.html', NOT_FOUND_PAGE));
}

/**
 * Finds the build file a request asks for (Docusaurus clean URLs, `trailingSlash: false`), or the
 * 404 page, before serveStatic reads it; refuses paths that could climb out of the build.
 */
function resolveFile(snapshot: SiteSnapshot): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    // The path as sent (c.req.path is already partly decoded): lookupPath decodes it exactly once.
    const url = new URL(c.req.url);
    const lookup = lookupPath(url.pathname);
    if (lookup.kind === 'invalid') return c.text('Bad request path\n', 400);
    const path = lookup.files.find((candidate) => snapshot.files.has(candidate));
    // One URL per page, the one Docusaurus links to and names canonical: with `trailingSlash: false`
    // a page is served without a slash; a locale's home is its baseUrl `/zh-Hans/` (the locale menu,
    // hreflang and the sitemap all use it), so that one keeps its slash.
    const canonicalSlash = path !== undefined && isLocaleHome(snapshot, path);
    if (path && lookup.trailingSlash !== canonicalSlash) {
      const pathname = canonicalSlash ? `${url.pathname}/` : url.pathname.slice(0, -1);
      return c.redirect(pathname + url.search, 308);
    }
    const served = path ?? notFoundPageFor(snapshot, url.pathname);
    if (!served) return c.text('Not found\n', 404);
    const built = snapshot.files.get(served)!;
    c.set('file', {path: served, built, notFound: path === undefined});
    // serveStatic picks a precompressed file by exact tokens of Accept-Encoding ("br;q=0.5" is not
    // "br"); hand it the one encoding RFC 9110 negotiation picks among those this file has.
    c.req.raw.headers.set('accept-encoding', negotiateEncoding(c.req.header('accept-encoding'), built.encodings) ?? 'identity');
    await next();
  };
}

/** Cache, validator and security headers on what serveStatic sent; the 404 page gets its status. */
function finishResponse(snapshot: SiteSnapshot, headerOptions: SecurityHeaderOptions): MiddlewareHandler<SiteEnv> {
  return async (c, next) => {
    await next();
    const file = c.get('file');
    if (!file) return;
    const sent = file.path + ({br: '.br', gzip: '.gz'}[c.res.headers.get('content-encoding') ?? ''] ?? '');
    const headers = new Headers(c.res.headers);
    headers.set('cache-control', isHashedAsset(file.path) ? IMMUTABLE : REVALIDATE);
    headers.set('etag', snapshot.etags.get(sent)!);
    headers.set('x-content-type-options', 'nosniff');
    if (file.built.encodings.length > 0) headers.set('vary', 'Accept-Encoding');
    if (file.built.scriptHashes) {
      for (const [name, value] of Object.entries(securityHeaders(file.built.scriptHashes, headerOptions))) headers.set(name, value);
    }
    const status = file.notFound ? 404 : c.res.status;
    c.res = new Response(c.res.body, {status, headers});
  };
}

/**
 * The production site as a fetch handler: the static build, precompressed with brotli and gzip,
 * with Docusaurus clean URLs, cache and security headers, plus the portal proxy when one is given.
 */
export async function createSiteApp(options: SiteAppOptions): Promise<SiteApp> {
  if (!existsSync(join(options.buildDir, 'index.html'))) {
    throw new Error(`No site build in ${options.buildDir} (index.html missing): run \`npm run build\` first.`);
  }
  const snapshot = await snapshotBuild(options.buildDir);
  const app = new Hono<SiteEnv>();

  const {portalProxy} = options;
  if (portalProxy) {
    app.all('/portal-proxy', (c) => portalProxy(c.req.raw, proxyRequestContext(c)));
    app.all('/portal-proxy/*', (c) => portalProxy(c.req.raw, proxyRequestContext(c)));
  }

  const {siteConfig} = options;
  if (siteConfig) {
    app.get('/site-config.json', (c) => c.json(siteConfig, 200, {'cache-control': REVALIDATE}));
  }

  // Hono answers HEAD with the GET route and no body; etag() answers If-None-Match with 304.
  app.get(
    '*',
    etag(),
    finishResponse(snapshot, {sandboxUrl: siteConfig?.sandboxUrl, extraOrigins: options.extraOrigins}),
    resolveFile(snapshot),
    // The file is already resolved and checked: give serveStatic its path, not the request's
    // (whose percent-escapes serveStatic would refuse even where the 404 page should answer).
    (c, next) => serveStatic<SiteEnv>({root: snapshot.root, path: c.get('file')!.path, precompressed: true})(c, next),
  );
  app.all('*', () => new Response('Method not allowed\n', {status: 405, headers: {allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8'}}));
  return {app, close: snapshot.remove};
}
