import {existsSync} from 'node:fs';
import {join} from 'node:path';
import type {HttpBindings} from '@hono/node-server';
import {Hono} from 'hono';
import {negotiateEncoding} from './encoding';
import {type Encoding, type SiteFile, type SiteFiles, loadSiteFiles} from './files';
import {isHashedAsset, lookupPath} from './paths';

export interface SiteAppOptions {
  /** The Docusaurus build to serve (`npm run build` writes ./build). */
  buildDir: string;
  /**
   * Answers `/portal-proxy` and everything below it (the try-it widget's route to portals that
   * refuse cross-origin calls). Left out, those paths are plain 404s.
   */
  portalProxy?: (request: Request, bindings?: HttpBindings) => Promise<Response>;
  /**
   * Answers `/site-config.json`: settings the page reads at run time, so one build works with a
   * sandbox on any port (the try-it widget's "Use the sandbox portal" button).
   */
  siteConfig?: {sandboxUrl?: string};
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages and unhashed files may change with every deploy: revalidate (cheap, thanks to ETag). */
const REVALIDATE = 'no-cache';

const ENCODING_TAG: Record<Encoding, string> = {br: 'br', gzip: 'gz'};

function etagFor(file: SiteFile, encoding: Encoding | null): string {
  return encoding ? `${file.etag.slice(0, -1)}-${ENCODING_TAG[encoding]}"` : file.etag;
}

function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

function fileResponse(request: Request, file: SiteFile, status: number, cacheControl: string): Response {
  const available = Object.keys(file.encoded) as Encoding[];
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'), available);
  const etag = etagFor(file, encoding);
  const headers = new Headers({
    'content-type': file.contentType,
    'cache-control': cacheControl,
    etag,
    'x-content-type-options': 'nosniff',
  });
  if (available.length > 0) headers.set('vary', 'Accept-Encoding');
  if (status === 200 && matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    return new Response(null, {status: 304, headers});
  }
  const body = encoding ? file.encoded[encoding]! : file.body;
  if (encoding) headers.set('content-encoding', encoding);
  headers.set('content-length', String(body.byteLength));
  return new Response(body, {status, headers});
}

function findFile(files: SiteFiles, candidates: readonly string[]): [string, SiteFile] | undefined {
  for (const candidate of candidates) {
    const file = files.get(candidate);
    if (file) return [candidate, file];
  }
  return undefined;
}

/**
 * The 404 page in the reader's language: Docusaurus builds one per locale (`zh-Hans/404.html`),
 * so a missing page under `/zh-Hans/` answers in Chinese; anything else gets the default one.
 */
function notFoundPageFor(files: SiteFiles, pathname: string): SiteFile | undefined {
  const firstSegment = pathname.split('/')[1];
  return (firstSegment && files.get(`${firstSegment}/404.html`)) || files.get('404.html');
}

function staticHandler(files: SiteFiles): (request: Request) => Response {
  return (request) => {
    const url = new URL(request.url);
    const lookup = lookupPath(url.pathname);
    if (lookup.kind === 'invalid') {
      return new Response('Bad request path\n', {status: 400, headers: {'content-type': 'text/plain; charset=utf-8'}});
    }
    const found = findFile(files, lookup.files);
    if (found && lookup.trailingSlash) {
      // trailingSlash: false — one URL per page, so relative links and canonical URLs agree.
      return new Response(null, {status: 308, headers: {location: url.pathname.slice(0, -1) + url.search}});
    }
    if (found) {
      const [path, file] = found;
      return fileResponse(request, file, 200, isHashedAsset(path) ? IMMUTABLE : REVALIDATE);
    }
    const notFoundPage = notFoundPageFor(files, url.pathname);
    if (notFoundPage) return fileResponse(request, notFoundPage, 404, REVALIDATE);
    return new Response('Not found\n', {status: 404, headers: {'content-type': 'text/plain; charset=utf-8'}});
  };
}

/**
 * The production site as a fetch handler: the static build, pre-compressed with brotli and gzip,
 * with Docusaurus clean URLs and cache headers, plus the portal proxy when one is given.
 */
export async function createSiteApp(options: SiteAppOptions): Promise<Hono> {
  if (!existsSync(join(options.buildDir, 'index.html'))) {
    throw new Error(`No site build in ${options.buildDir} (index.html missing): run \`npm run build\` first.`);
  }
  const serveStatic = staticHandler(await loadSiteFiles(options.buildDir));
  const app = new Hono();

  const {portalProxy} = options;
  if (portalProxy) {
    // c.env carries Node's request: the proxy reads the client IP and the raw path from it.
    app.all('/portal-proxy', (c) => portalProxy(c.req.raw, c.env as HttpBindings));
    app.all('/portal-proxy/*', (c) => portalProxy(c.req.raw, c.env as HttpBindings));
  }

  const {siteConfig} = options;
  if (siteConfig) {
    app.get('/site-config.json', (c) => c.json(siteConfig, 200, {'cache-control': REVALIDATE}));
  }

  // Hono answers HEAD with the GET route's headers and no body.
  app.get('*', (c) => serveStatic(c.req.raw));
  app.all('*', () => new Response('Method not allowed\n', {status: 405, headers: {allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8'}}));
  return app;
}
