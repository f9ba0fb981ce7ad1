/** The site around the guide: the 404 page, one site URL everywhere, the locale switch, the social card, the home page. */
import {expect, test, type Page} from '@playwright/test';
import {siteUrlFrom} from '../../scripts/site-url';
import {decodePng} from './pixels';
import {GUIDE} from './support';

/** The origin the build was made for: what npm run build read from SITE_URL. */
const SITE = siteUrlFrom(process.env.SITE_URL);

async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
}

for (const {prefix, title, guide, overview, search, button} of [
  {prefix: '', title: 'Page Not Found', guide: 'Personal access tokens: the sign-in guide', overview: 'Overview and the sandbox portal', search: 'Search the guide', button: 'Search'},
  {prefix: '/zh-Hans', title: '找不到页面', guide: '个人访问令牌：登录指南', overview: '概述与沙盒门户', search: '搜索本指南', button: '搜索'},
]) {
  test(`the 404 page leads to the guide, the overview and search${prefix ? ', in Chinese' : ''}`, async ({page}) => {
    const response = await page.goto(`${prefix}/docs/no-such-page`);
    expect(response?.status()).toBe(404);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', {level: 1})).toHaveText(title);
    await expect(main.getByRole('link', {name: guide})).toHaveAttribute('href', `${prefix}${GUIDE}`);
    await expect(main.getByRole('link', {name: overview})).toHaveAttribute('href', `${prefix}/docs/intro`);
    await main.getByLabel(search).fill('401');
    await main.getByRole('button', {name: button, exact: true}).click();
    await expect(page).toHaveURL(new RegExp(`${prefix}/search\\?q=401$`));
    await expect(page.getByRole('main').locator('article').first()).toContainText('401', {timeout: 15_000});
  });
}

test('canonical, og:url, hreflang and the sitemap all name the one SITE_URL', async ({page, request}) => {
  for (const [path, canonical] of [
    [GUIDE, `${SITE}${GUIDE}`],
    ['/zh-Hans/docs/intro', `${SITE}/zh-Hans/docs/intro`],
  ]) {
    await page.goto(path);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', canonical);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical);
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    expect(alternates.length).toBe(3);
    for (const href of alternates) expect(href.startsWith(`${SITE}/`), href).toBe(true);
  }
  for (const sitemap of ['/sitemap.xml', '/zh-Hans/sitemap.xml']) {
    const locations = [...(await (await request.get(sitemap)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc);
    expect(locations.length).toBeGreaterThan(2);
    for (const loc of locations) expect(loc.startsWith(`${SITE}/`), loc).toBe(true);
  }
});

test('every page links the locale switch and its alternates to addresses that answer 200, not a redirect', async ({page, request}) => {
  for (const path of ['/', '/docs/intro', GUIDE, '/zh-Hans/', '/zh-Hans/docs/intro']) {
    await page.goto(path);
    const targets = await page.locator('.navbar a[lang], link[rel="alternate"][hreflang], link[rel="canonical"]').evaluateAll((links) =>
      links.map((link) => new URL(link.getAttribute('href')!, location.href).pathname),
    );
    expect(targets.length).toBeGreaterThan(4);
    for (const target of new Set(targets)) {
      expect((await request.get(target, {maxRedirects: 0})).status(), `${path} → ${target}`).toBe(200);
    }
  }
});

test('pages carry a 1200×630 social card image', async ({page, request}) => {
  await page.goto(GUIDE);
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toBe(`${SITE}/img/social-card.png`);
  await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', image!);
  const response = await request.get('/img/social-card.png');
  expect(response.headers()['content-type']).toBe('image/png');
  const card = decodePng(await response.body());
  expect([card.width, card.height]).toEqual([1200, 630]);
});

test('the home page offers Try it at once, and each tile links to what it describes', async ({page}) => {
  await openHydrated(page, '/');
  const main = page.getByRole('main');
  await main.getByRole('link', {name: 'Try it now'}).click();
  await expect(page).toHaveURL(new RegExp(`${GUIDE}#try-it$`));
  await expect(page.locator('h2#try-it')).toBeInViewport();

  for (const [tile, section] of [
    ['The exact exchange', 'step-1-ask-for-a-token'],
    ['Seven languages', 'examples'],
    ['Try it on the page', 'try-it'],
  ]) {
    await openHydrated(page, '/');
    await page.getByRole('main').getByRole('link', {name: tile}).click();
    await expect(page).toHaveURL(new RegExp(`${GUIDE}#${section}$`));
    await expect(page.locator(`h2[id="${section}"]`)).toBeInViewport();
  }
});
