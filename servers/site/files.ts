import {createHash} from 'node:crypto';
import {readdir, readFile} from 'node:fs/promises';
import {extname, join, relative, sep} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants as zlibConstants, gzip} from 'node:zlib';
import {inlineScriptHashes} from './security-headers';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Formats that are already compressed gain nothing from gzip or brotli. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.xml', '.txt', '.svg', '.ico', '.ttf', '.webmanifest', '.wasm']);

/** Below this size the encoding headers cost about what compression saves. */
const MIN_COMPRESS_BYTES = 512;

export type Encoding = 'br' | 'gzip';

/** Plain ArrayBuffer-backed bytes, which `Response` accepts as a body. */
type Bytes = Uint8Array<ArrayBuffer>;

export interface SiteFile {
  /** The file's bytes as built. */
  readonly body: Bytes;
  /** Compressed copies, made once at start-up; absent when they would not be smaller. */
  readonly encoded: Partial<Record<Encoding, Bytes>>;
  readonly contentType: string;
  /** Strong validator of the uncompressed bytes (quoted, as sent). */
  readonly etag: string;
  /** HTML only: the CSP hash sources of the page's inline scripts. */
  readonly scriptHashes?: readonly string[];
}

/** Build-relative paths with forward slashes and no leading slash, e.g. `docs/intro.html`. */
export type SiteFiles = ReadonlyMap<string, SiteFile>;

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function compressVariants(path: string, body: Bytes): Promise<SiteFile['encoded']> {
  if (!COMPRESSIBLE.has(extname(path).toLowerCase()) || body.byteLength < MIN_COMPRESS_BYTES) return {};
  const [gz, br] = await Promise.all([
    gzipAsync(body, {level: 9}),
    brotliAsync(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
  ]);
  const encoded: SiteFile['encoded'] = {};
  if (gz.byteLength < body.byteLength) encoded.gzip = new Uint8Array(gz);
  if (br.byteLength < body.byteLength) encoded.br = new Uint8Array(br);
  return encoded;
}

/** Every regular file under `dir`; symbolic links are skipped so nothing outside the build is served. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Reads the whole build into memory and compresses it once, so requests never wait on the disk
 * or on zlib. A Docusaurus build of this size is a few megabytes.
 */
export async function loadSiteFiles(buildDir: string): Promise<SiteFiles> {
  const paths = await listFiles(buildDir);
  const files = await Promise.all(
    paths.map(async (absolute): Promise<[string, SiteFile]> => {
      const body = new Uint8Array(await readFile(absolute));
      const key = relative(buildDir, absolute).split(sep).join('/');
      const digest = createHash('sha256').update(body).digest('base64url').slice(0, 22);
      const contentType = contentTypeOf(key);
      const scriptHashes = contentType.startsWith('text/html') ? inlineScriptHashes(new TextDecoder().decode(body)) : undefined;
      return [key, {body, encoded: await compressVariants(key, body), contentType, etag: `"${digest}"`, scriptHashes}];
    }),
  );
  return new Map(files);
}
