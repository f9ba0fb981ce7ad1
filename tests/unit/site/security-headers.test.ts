/** The security headers `npm run serve` sends with HTML pages: CSP hashes computed from each built file at start-up. */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {inlineScriptHashes, parseExtraOrigins} from '../../../servers/site/security-headers';
import {type RunningSiteServer, startSiteServer} from '../../../servers/site/node';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const COLOUR_MODE = '(function(){var t=localStorage.getItem("theme");document.documentElement.dataset.theme=t||"light"})()';
const BANNER = 'document.addEventListener("DOMContentLoaded",function(){void 0===window.docusaurus&&insertBanner()})';
const GUIDE_SCRIPT = 'window.guide = "<not a tag>" && 1 < 2;';

const fixture: Record<string, string> = {
  // Minified the way the build writes it: unquoted attributes, an external script beside the inline ones.
  'index.html': `<!doctype html><html><head><script data-rh=true>${BANNER}</script><script src=/assets/js/main.0123abcd.js defer></script></head><body><script>${COLOUR_MODE}</script></body></html>`,
  'docs/guide.html': `<!doctype html><html><head><script type=application/ld+json>{"@type":"Article"}</script></head><body><script>${GUIDE_SCRIPT}</script></body></html>`,
  '404.html': `<!doctype html><title>Not found</title><script>${COLOUR_MODE}</script>`,
  'assets/js/main.0123abcd.js': 'console.log("main")',
};

function directives(csp: string | null): Map<string, string[]> {
  assert.ok(csp, 'a Content-Security-Policy header');
  return new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('inlineScriptHashes', () => {
  it('hashes each inline script exactly as written, skips external ones, and does not repeat', () => {
    assert.deepEqual(inlineScriptHashes(fixture['index.html']!), [sha256(BANNER), sha256(COLOUR_MODE)]);
    assert.deepEqual(inlineScriptHashes(`<script>${GUIDE_SCRIPT}</script><SCRIPT>${GUIDE_SCRIPT}</SCRIPT>`), [sha256(GUIDE_SCRIPT)]);
    assert.deepEqual(inlineScriptHashes('<script src="/a.js"></script><p>no scripts</p>'), []);
  });
});

describe('parseExtraOrigins (CSP_EXTRA_ORIGINS)', () => {
  it('takes origins, refuses anything that could add a directive', () => {
    assert.deepEqual(parseExtraOrigins(' http://127.0.0.1:*  https://portal.example.com '), ['http://127.0.0.1:*', 'https://portal.example.com']);
    assert.deepEqual(parseExtraOrigins(undefined), []);
    for (const bad of ["'unsafe-inline'", 'http://a.test; script-src *', '*', 'javascript:']) {
      assert.throws(() => parseExtraOrigins(bad), /CSP_EXTRA_ORIGINS/, bad);
    }
  });
});

describe('site server: security headers on HTML pages', () => {
  let root: string;
  let server: RunningSiteServer;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'site-headers-'));
    for (const [path, text] of Object.entries(fixture)) {
      await mkdir(dirname(join(root, path)), {recursive: true});
      await writeFile(join(root, path), text);
    }
    server = await startSiteServer({buildDir: root, siteConfig: {sandboxUrl: 'http://127.0.0.1:8092'}, extraOrigins: ['http://localhost:*']});
  });
  after(async () => {
    await server.close();
    await rm(root, {recursive: true, force: true});
  });

  it('each page allows exactly its own inline scripts', async () => {
    const home = directives((await fetch(`${server.url}/`)).headers.get('content-security-policy'));
    assert.deepEqual(home.get('script-src'), ["'self'", sha256(BANNER), sha256(COLOUR_MODE)]);
    const guide = directives((await fetch(`${server.url}/docs/guide`)).headers.get('content-security-policy'));
    assert.deepEqual(guide.get('script-src'), ["'self'", sha256('{"@type":"Article"}'), sha256(GUIDE_SCRIPT)]);
  });

  it('lets the widget reach any https portal and the sandbox, and load their avatars; no framing', async () => {
    const response = await fetch(`${server.url}/docs/guide`);
    const csp = directives(response.headers.get('content-security-policy'));
    assert.deepEqual(csp.get('connect-src'), ["'self'", 'https:', 'http://127.0.0.1:8092', 'http://localhost:*']);
    assert.deepEqual(csp.get('img-src'), ["'self'", 'data:', 'https:', 'http://127.0.0.1:8092', 'http://localhost:*']);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.match(response.headers.get('permissions-policy') ?? '', /camera=\(\), .*microphone=\(\)/);
  });

  it('sends them with the 404 page too, and with HEAD and 304 answers; not with scripts', async () => {
    const missing = await fetch(`${server.url}/docs/nowhere`);
    assert.equal(missing.status, 404);
    assert.deepEqual(directives(missing.headers.get('content-security-policy')).get('script-src'), ["'self'", sha256(COLOUR_MODE)]);
    const head = await fetch(`${server.url}/`, {method: 'HEAD'});
    assert.ok(head.headers.get('content-security-policy'));
    const script = await fetch(`${server.url}/assets/js/main.0123abcd.js`);
    assert.equal(script.headers.get('content-security-policy'), null);
  });
});

describe('npm run serve: settings', () => {
  function serve(env: Record<string, string>): Promise<{code: number | null; stderr: string}> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'servers/site/main.ts'], {env: {...process.env, ...env}, stdio: ['ignore', 'ignore', 'pipe']});
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', (code) => resolve({code, stderr}));
    });
  }

  it('refuses a malformed PORT, SANDBOX_URL or CSP_EXTRA_ORIGINS, naming the variable', {timeout: 60_000}, async () => {
    for (const [name, value] of [['PORT', 'abc'], ['PORT', '70000'], ['SANDBOX_URL', 'not a url'], ['CSP_EXTRA_ORIGINS', "'unsafe-eval'"]]) {
      const {code, stderr} = await serve({[name!]: value!, BUILD_DIR: '/nonexistent'});
      assert.equal(code, 1, `${name}=${value}`);
      assert.match(stderr, new RegExp(name!), `${name}=${value}: ${stderr}`);
    }
  });
});
