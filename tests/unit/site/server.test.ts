import assert from 'node:assert/strict';
import {request} from 'node:http';
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {type RunningSiteServer, startSiteServer} from '../../../servers/site/node';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch would normalise `..`, decompress bodies and hide the raw answer. */
function send(baseUrl: string, path: string, {method = 'GET', headers = {}}: {method?: string; headers?: Record<string, string>} = {}): Promise<RawResponse> {
  const {hostname, port} = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({hostname, port, path, method, headers}, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks)}));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

// Repetitive text, so compression clearly pays off.
const MAIN_JS = `console.log("site");\n${'export const line = "the same line again";\n'.repeat(200)}`;
const GUIDE_HTML = `<!doctype html><title>Guide</title>${'<p>Personal access tokens</p>'.repeat(100)}`;
const NOT_FOUND_HTML = `<!doctype html><title>Page Not Found</title>${'<p>Nothing here</p>'.repeat(50)}`;
const SECRET = 'outside the build';

const fixture: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title>',
  '404.html': NOT_FOUND_HTML,
  'zh-Hans/404.html': '<!doctype html><title>找不到页面</title>',
  'zh-Hans/index.html': '<!doctype html><title>首页</title>',
  'zh-Hans/docs/intro.html': '<!doctype html><title>概述</title>',
  'docs/intro.html': '<!doctype html><title>Intro</title>',
  'docs/get-started/authentication/personal-access-tokens.html': GUIDE_HTML,
  'docs/section/index.html': '<!doctype html><title>Section</title>',
  'assets/js/main.0123abcd.js': MAIN_JS,
  'assets/css/styles.89abcdef.css': `body{color:#111}\n${'.a{margin:0}\n'.repeat(100)}`,
  'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'search-index.json': JSON.stringify({words: Array.from({length: 100}, (_, i) => `token${i}`)}),
};

describe('site server over HTTP', () => {
  let root: string;
  let server: RunningSiteServer;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'site-server-'));
    const buildDir = join(root, 'build');
    for (const [path, text] of Object.entries(fixture)) {
      await mkdir(dirname(join(buildDir, path)), {recursive: true});
      await writeFile(join(buildDir, path), text);
    }
    await writeFile(join(root, 'secret.txt'), SECRET);
    await symlink(join(root, 'secret.txt'), join(buildDir, 'linked-secret.txt'));
    server = await startSiteServer({buildDir, port: 0});
  });

  after(async () => {
    await server.close();
    await rm(root, {recursive: true, force: true});
  });

  it('listens on 127.0.0.1 by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves clean URLs from name.html and name/index.html', async () => {
    const guide = await send(server.url, '/docs/get-started/authentication/personal-access-tokens');
    assert.equal(guide.status, 200);
    assert.equal(guide.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(guide.body.toString(), GUIDE_HTML);

    const section = await send(server.url, '/docs/section');
    assert.equal(section.status, 200);
    assert.match(section.body.toString(), /Section/);

    const home = await send(server.url, '/');
    assert.equal(home.status, 200);
    assert.match(home.body.toString(), /Home/);
  });

  it('redirects a trailing slash to the one canonical URL, keeping the query', async () => {
    const res = await send(server.url, '/docs/intro/?lang=python');
    assert.equal(res.status, 308);
    assert.equal(res.headers.location, '/docs/intro?lang=python');
  });

  it('serves a locale’s home at its baseUrl, with the slash Docusaurus links to, and redirects there without it', async () => {
    const home = await send(server.url, '/zh-Hans/');
    assert.equal(home.status, 200);
    assert.match(home.body.toString(), /首页/);
    const bare = await send(server.url, '/zh-Hans?lang=go');
    assert.equal(bare.status, 308);
    assert.equal(bare.headers.location, '/zh-Hans/?lang=go');
  });

  it('sends brotli when accepted, preferring it over gzip', async () => {
    const res = await send(server.url, '/assets/js/main.0123abcd.js', {headers: {'accept-encoding': 'gzip, deflate, br'}});
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(Number(res.headers['content-length']), res.body.byteLength);
    assert.ok(res.body.byteLength < MAIN_JS.length / 5, 'brotli body should be much smaller');
    assert.equal(brotliDecompressSync(res.body).toString(), MAIN_JS);
  });

  it('sends gzip when only gzip is accepted, or when the client ranks it higher', async () => {
    for (const acceptEncoding of ['gzip', 'br;q=0.5, gzip;q=1']) {
      const res = await send(server.url, '/assets/js/main.0123abcd.js', {headers: {'accept-encoding': acceptEncoding}});
      assert.equal(res.headers['content-encoding'], 'gzip', acceptEncoding);
      assert.equal(gunzipSync(res.body).toString(), MAIN_JS);
    }
  });

  it('sends the raw bytes to clients that accept no compression', async () => {
    for (const headers of [{}, {'accept-encoding': 'identity'}, {'accept-encoding': 'br;q=0, gzip;q=0'}] as Record<string, string>[]) {
      const res = await send(server.url, '/assets/js/main.0123abcd.js', {headers});
      assert.equal(res.headers['content-encoding'], undefined);
      assert.equal(res.body.toString(), MAIN_JS);
    }
  });

  it('compresses HTML pages too, and gives each encoding its own ETag', async () => {
    const path = '/docs/get-started/authentication/personal-access-tokens';
    const br = await send(server.url, path, {headers: {'accept-encoding': 'br'}});
    const gz = await send(server.url, path, {headers: {'accept-encoding': 'gzip'}});
    const plain = await send(server.url, path);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), GUIDE_HTML);
    assert.equal(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size, 3);
  });

  it('caches hashed assets for a year, immutable, and makes HTML revalidate', async () => {
    for (const path of ['/assets/js/main.0123abcd.js', '/assets/css/styles.89abcdef.css']) {
      const res = await send(server.url, path);
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', path);
    }
    for (const path of ['/', '/docs/intro', '/search-index.json', '/img/logo.svg']) {
      const res = await send(server.url, path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
    }
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await send(server.url, '/docs/intro');
    const etag = first.headers.etag;
    assert.equal(typeof etag, 'string');
    const again = await send(server.url, '/docs/intro', {headers: {'if-none-match': etag as string}});
    assert.equal(again.status, 304);
    assert.equal(again.body.byteLength, 0);
  });

  it('labels content types', async () => {
    const expected: Record<string, string> = {
      '/assets/js/main.0123abcd.js': 'text/javascript; charset=utf-8',
      '/assets/css/styles.89abcdef.css': 'text/css; charset=utf-8',
      // Hono's types: SVG is text, JSON is UTF-8 by definition (RFC 8259), so it carries no charset.
      '/img/logo.svg': 'image/svg+xml; charset=utf-8',
      '/search-index.json': 'application/json',
    };
    for (const [path, type] of Object.entries(expected)) {
      const res = await send(server.url, path);
      assert.equal(res.headers['content-type'], type, path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    }
  });

  it('answers unknown paths with the 404 page and status 404', async () => {
    const res = await send(server.url, '/docs/no-such-page', {headers: {'accept-encoding': 'gzip'}});
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(gunzipSync(res.body).toString(), NOT_FOUND_HTML);
  });

  it('answers a path with escapes that names no file with the 404 page too', async () => {
    for (const path of ['/docs/intro%20', '/docs/caf%C3%A9']) {
      const res = await send(server.url, path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.toString(), NOT_FOUND_HTML, path);
    }
  });

  it('serves the Chinese locale with clean URLs and its own 404 page', async () => {
    const intro = await send(server.url, '/zh-Hans/docs/intro');
    assert.equal(intro.status, 200);
    assert.equal(intro.body.toString(), '<!doctype html><title>概述</title>');
    assert.equal(intro.headers['x-content-type-options'], 'nosniff');
    assert.equal((await send(server.url, '/zh-Hans/')).body.toString(), '<!doctype html><title>首页</title>');
    const missing = await send(server.url, '/zh-Hans/docs/no-such-page');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.toString(), '<!doctype html><title>找不到页面</title>');
    // Only a top-level folder with its own 404.html is a locale: elsewhere the default page answers.
    const english = await send(server.url, '/docs/no-such-page');
    assert.equal(english.status, 404);
    assert.notEqual(english.body.toString(), missing.body.toString());
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const get = await send(server.url, '/assets/js/main.0123abcd.js', {headers: {'accept-encoding': 'br'}});
    const head = await send(server.url, '/assets/js/main.0123abcd.js', {method: 'HEAD', headers: {'accept-encoding': 'br'}});
    assert.equal(head.status, 200);
    assert.equal(head.body.byteLength, 0);
    for (const name of ['content-type', 'content-encoding', 'content-length', 'etag', 'cache-control']) {
      assert.equal(head.headers[name], get.headers[name], name);
    }
  });

  it('refuses other methods with 405', async () => {
    const res = await send(server.url, '/', {method: 'POST'});
    assert.equal(res.status, 405);
    assert.equal(res.headers.allow, 'GET, HEAD');
  });

  it('never serves a file outside the build, however the path is spelled', async () => {
    const attempts = [
      '/../secret.txt',
      '/docs/../../secret.txt',
      '/..%2fsecret.txt',
      '/docs/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%2e%2e%5csecret.txt',
      '/docs%00/intro',
      '/%E0%A4%A',
      '/linked-secret.txt',
    ];
    for (const path of attempts) {
      const res = await send(server.url, path);
      assert.ok(res.status === 400 || res.status === 404, `${path} answered ${res.status}`);
      assert.ok(!res.body.toString().includes(SECRET), `${path} leaked the file`);
    }
    const encoded = await send(server.url, '/docs/..%2f..%2fsecret.txt');
    assert.equal(encoded.status, 400);
  });
});

describe('site server options', () => {
  it('mounts the portal proxy at /portal-proxy and nowhere else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'site-proxy-'));
    await writeFile(join(root, 'index.html'), '<!doctype html>');
    const seen: string[] = [];
    const server = await startSiteServer({
      buildDir: root,
      portalProxy: async (req) => {
        seen.push(`${req.method} ${new URL(req.url).pathname}`);
        return new Response('proxied', {status: 299});
      },
    });
    try {
      const proxied = await send(server.url, '/portal-proxy/api/2.0/authentication', {method: 'POST'});
      assert.equal(proxied.status, 299);
      assert.equal(proxied.body.toString(), 'proxied');
      const elsewhere = await send(server.url, '/portal-proxyish');
      assert.equal(elsewhere.status, 404);
      assert.deepEqual(seen, ['POST /portal-proxy/api/2.0/authentication']);
    } finally {
      await server.close();
      await rm(root, {recursive: true, force: true});
    }
  });

  it('refuses to start without a build, saying what to run', async () => {
    const root = await mkdtemp(join(tmpdir(), 'site-empty-'));
    try {
      await assert.rejects(startSiteServer({buildDir: root}), /npm run build/);
    } finally {
      await rm(root, {recursive: true, force: true});
    }
  });
});
