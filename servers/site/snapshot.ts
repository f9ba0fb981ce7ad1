/**
 * A copy of the build made at start-up, laid out the way @hono/node-server's serveStatic serves
 * precompressed files: each text file beside its `.br` and `.gz` variants (compressed once, with the
 * best settings, never per request). Only regular files are copied, so a symbolic link in the build
 * cannot lead outside it; a rebuild does not change what a running server sends (restart it).
 */
import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, extname, join, relative, sep} from 'node:path';
import {promisify} from 'node:util';
import {brotliCompress, constants as zlibConstants, gzip} from 'node:zlib';
import {inlineScriptHashes} from './security-headers';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Formats that are already compressed gain nothing from gzip or brotli. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.xml', '.txt', '.svg', '.ico', '.ttf', '.webmanifest', '.wasm']);

/** Below this size the encoding headers cost about what compression saves. */
const MIN_COMPRESS_BYTES = 512;

export type Encoding = 'br' | 'gzip';

/** The suffix serveStatic looks for beside a file, per encoding. */
const ENCODING_SUFFIX: Record<Encoding, string> = {br: '.br', gzip: '.gz'};

export interface BuiltFile {
  /** The encodings written beside the file (only those smaller than the file). */
  readonly encodings: readonly Encoding[];
  /** HTML only: the CSP hash sources of the page's inline scripts. */
  readonly scriptHashes?: readonly string[];
}

export interface SiteSnapshot {
  /** The folder serveStatic serves from. */
  readonly root: string;
  /** Build-relative paths with forward slashes and no leading slash, e.g. `docs/intro.html`. */
  readonly files: ReadonlyMap<string, BuiltFile>;
  /** Strong validator (quoted, as sent) of every file written, variants included, by snapshot-relative path. */
  readonly etags: ReadonlyMap<string, string>;
  remove(): Promise<void>;
}

async function compressVariants(path: string, body: Uint8Array): Promise<Partial<Record<Encoding, Uint8Array>>> {
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
  const variants: Partial<Record<Encoding, Uint8Array>> = {};
  if (br.byteLength < body.byteLength) variants.br = br;
  if (gz.byteLength < body.byteLength) variants.gzip = gz;
  return variants;
}

const etagOf = (bytes: Uint8Array) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;

/** Copies the build's regular files (with their compressed variants) into a fresh temporary folder. */
export async function snapshotBuild(buildDir: string): Promise<SiteSnapshot> {
  const entries = await readdir(buildDir, {withFileTypes: true, recursive: true});
  const root = await mkdtemp(join(tmpdir(), 'site-snapshot-'));
  const files = new Map<string, BuiltFile>();
  const etags = new Map<string, string>();
  try {
    await Promise.all(
      entries
        .filter((entry) => entry.isFile())
        .map(async (entry) => {
          const absolute = join(entry.parentPath, entry.name);
          const key = relative(buildDir, absolute).split(sep).join('/');
          const body = await readFile(absolute);
          const variants = await compressVariants(key, body);
          await mkdir(dirname(join(root, key)), {recursive: true});
          await writeFile(join(root, key), body);
          etags.set(key, etagOf(body));
          for (const [encoding, bytes] of Object.entries(variants) as [Encoding, Uint8Array][]) {
            await writeFile(join(root, key + ENCODING_SUFFIX[encoding]), bytes);
            etags.set(key + ENCODING_SUFFIX[encoding], etagOf(bytes));
          }
          const scriptHashes = extname(key) === '.html' ? inlineScriptHashes(body.toString('utf8')) : undefined;
          files.set(key, {encodings: Object.keys(variants) as Encoding[], scriptHashes});
        }),
    );
  } catch (error) {
    await rm(root, {recursive: true, force: true});
    throw error;
  }
  return {root, files, etags, remove: () => rm(root, {recursive: true, force: true})};
}
