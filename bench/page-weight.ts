/**
 * What a page makes the reader download: every script and stylesheet Chromium fetched for it,
 * raw and gzip (level 9, so figures do not depend on the server's choice of encoding).
 */
import type {Browser} from '@playwright/test';
import {gzipSync} from 'node:zlib';

export interface Asset {
  url: string;
  type: 'script' | 'stylesheet';
  raw: number;
  gzip: number;
  body: Buffer;
}

export interface PageWeight {
  assets: Asset[];
  js: {raw: number; gzip: number};
  css: {raw: number; gzip: number};
}

/** Loads `url` until the network is idle (lazy chunks included) and sums what it fetched. */
export async function measurePageWeight(browser: Browser, url: string, readySelector?: string): Promise<PageWeight> {
  const page = await browser.newPage();
  const pending: Promise<Asset | null>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    // A body Chromium never hands over (a cancelled prefetch) must not stall the run.
    const body = Promise.race([response.body(), new Promise<null>((resolve) => setTimeout(resolve, 10_000, null))]);
    pending.push(
      body.then(
        (bytes) => (bytes ? {url: response.url(), type, raw: bytes.length, gzip: gzipSync(bytes, {level: 9}).length, body: bytes} : null),
        () => null,
      ),
    );
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  if (readySelector) await page.locator(readySelector).first().waitFor();
  await page.waitForLoadState('networkidle');
  const assets = (await Promise.all(pending)).filter((a): a is Asset => a !== null);
  await page.close();
  return {assets, js: total(assets, 'script'), css: total(assets, 'stylesheet')};
}

function total(assets: Asset[], type: Asset['type']): {raw: number; gzip: number} {
  return assets
    .filter((a) => a.type === type)
    .reduce((sum, a) => ({raw: sum.raw + a.raw, gzip: sum.gzip + a.gzip}), {raw: 0, gzip: 0});
}

/** Scripts the first page loads that the second does not. */
export function extraScripts(page: PageWeight, baseline: PageWeight): Asset[] {
  const seen = new Set(baseline.assets.map((a) => new URL(a.url).pathname));
  return page.assets.filter((a) => a.type === 'script' && !seen.has(new URL(a.url).pathname));
}
