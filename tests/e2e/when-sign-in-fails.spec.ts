/**
 * A reader who searches an error lands on the part of "When sign-in fails" that explains it, and the
 * panel's failure alerts link there (plugins/search-precision, wording/guideSections.ts).
 */
import {expect, test, type Page} from '@playwright/test';
import {startSandbox} from '../../servers/sandbox/node';
import {alert, GUIDE, openGuide, signIn} from './support';

async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
}

const searchBox = (page: Page) => page.locator('input.navbar__search-input');
const hits = (page: Page) => page.getByRole('option');

/** The sections the search page lists for a query, as the anchors its links point to, in order. */
async function sectionsFound(page: Page, locale: string, query: string): Promise<string[]> {
  await page.goto(`${locale}/search?q=${encodeURIComponent(query)}`);
  const links = page.locator('main article h2 a');
  await expect(links.first()).toBeVisible({timeout: 15_000});
  return links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname.replace(/^\/zh-Hans/, '') + new URL((a as HTMLAnchorElement).href).hash));
}

const SEARCHES = [
  {query: 'CORS', section: 'cors-the-browser-blocked-the-answer', heading: 'CORS: the browser blocked the answer'},
  {query: '401', section: '401-authentication-failed', heading: '401: authentication failed'},
  {query: '403', section: '403-user-disabled', heading: '403: user disabled'},
  {query: 'lockout', section: '403-too-many-login-attempts-lockout', heading: '403: too many login attempts (lockout)'},
  {query: '429', section: '429-too-many-requests', heading: '429: too many requests'},
  {query: '502', section: '502-bad-gateway', heading: '502: a gateway in front of the portal failed'},
];

test.describe('search finds errors', () => {
  for (const {query, section, heading} of SEARCHES) {
    test(`"${query}" lands on its section first, each section listed once`, async ({page}) => {
      await openHydrated(page, '/docs/intro');
      await searchBox(page).fill(query);
      await expect(hits(page).first()).toContainText(heading);
      // The first hit is selected as typed: Enter goes there.
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${GUIDE}(\\?.*)?#${section}$`));
      await expect(page.locator(`h3[id="${section}"]`)).toBeInViewport();

      const found = await sectionsFound(page, '', query);
      expect(found[0]).toBe(`${GUIDE}#${section}`);
      expect(found, 'no section twice').toEqual([...new Set(found)]);
    });
  }

  test('a number matches exactly: "401" lists no part that only holds 403, 201 or 429', async ({page}) => {
    const found = await sectionsFound(page, '', '401');
    for (const other of ['403-user-disabled', '403-too-many-login-attempts-lockout', '429-too-many-requests']) {
      expect(found).not.toContain(`${GUIDE}#${other}`);
    }
  });

  test('the Chinese search knows 两步验证, 二步验证 and 双重身份验证 as one term', async ({page}) => {
    const results: string[][] = [];
    for (const query of ['两步验证', '二步验证', '双重身份验证']) {
      const found = await sectionsFound(page, '/zh-Hans', query);
      expect(found[0], query).toBe(`${GUIDE}#when-the-portal-asks-for-a-second-factor`);
      results.push(found);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  test('the Chinese search finds the failures by their status too', async ({page}) => {
    await openHydrated(page, '/zh-Hans/docs/intro');
    await searchBox(page).fill('403');
    await expect(hits(page).first()).toContainText('403：账户已禁用');
    await searchBox(page).fill('锁定');
    await expect(hits(page).first()).toContainText('403：登录尝试次数过多（锁定）');
  });
});

test.describe('the panel links a failure to its part of the guide', () => {
  test('a disabled account, then a lockout, each to its own 403 part', async ({page}) => {
    // A sandbox of its own: the five wrong passwords below lock no other test's login.
    const sandbox = await startSandbox({port: 0});
    try {
      await openGuide(page);
      await signIn(page, 'disabled', {portal: sandbox.url});
      const link = alert(page).getByRole('link', {name: 'What this failure means, in the guide'});
      await expect(link).toHaveAttribute('href', '#403-user-disabled');
      await link.click();
      await expect(page).toHaveURL(/#403-user-disabled$/);
      await expect(page.getByRole('heading', {level: 3, name: '403: user disabled'})).toBeInViewport();

      for (let attempt = 0; attempt < 6; attempt++) {
        await signIn(page, 'demo', {portal: sandbox.url, password: 'wrong-password'});
        await expect(alert(page)).toContainText(/\((401|403)\)/);
      }
      await expect(alert(page).getByRole('link', {name: 'What this failure means, in the guide'})).toHaveAttribute('href', '#403-too-many-login-attempts-lockout');
    } finally {
      await sandbox.close();
    }
  });

  test('in Chinese, a 502 HTML answer links to the 502 part', async ({page}) => {
    await page.goto(`/zh-Hans${GUIDE}`);
    await expect(page.getByRole('button', {name: '获取令牌', exact: true})).toBeVisible({timeout: 15_000});
    await page.getByRole('button', {name: '使用沙盒门户'}).click();
    await page.getByLabel('用户名', {exact: true}).fill('html-error');
    await page.getByRole('button', {name: '获取令牌', exact: true}).click();
    const link = alert(page).getByRole('link', {name: '指南中对此失败的说明'});
    await expect(link).toHaveAttribute('href', '#502-bad-gateway');
    await link.click();
    await expect(page.getByRole('heading', {level: 3, name: '502：门户前面的网关出错'})).toBeInViewport();
  });
});
