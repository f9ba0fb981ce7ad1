import {describeAxeChecks} from './axe';
import {expect, test, type Page} from '@playwright/test';

const GUIDE = '/docs/get-started/authentication/personal-access-tokens';

/** Clicks before hydration are lost: wait until the colour toggle (in either language) is live. */
async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('button', {name: /切换浅色\/暗黑模式|Switch between dark and light mode/})).toBeEnabled({timeout: 30_000});
}

test('the Chinese home page, navbar and footer are in Chinese', async ({page}) => {
  await openHydrated(page, '/zh-Hans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', {level: 1})).toHaveText('登录 DocSpace API');
  await expect(page).toHaveTitle(/登录 DocSpace API/);
  const navbar = page.getByRole('navigation', {name: '主导航'});
  await expect(navbar.getByRole('link', {name: '指南', exact: true})).toHaveAttribute('href', `/zh-Hans${GUIDE}`);
  await expect(navbar.getByText('DocSpace 登录指南')).toBeVisible();
  await expect(page.getByRole('link', {name: '阅读身份验证指南'})).toHaveAttribute('href', `/zh-Hans${GUIDE}`);
  await expect(page.getByRole('heading', {name: '七种语言'})).toBeVisible();
  await expect(page.locator('footer')).toContainText('Ascensio System SIA 的商标');
});

test('the locale dropdown switches language and keeps the page', async ({page}) => {
  await openHydrated(page, '/docs/intro');
  await page.getByRole('button', {name: 'English'}).hover();
  await page.getByRole('link', {name: '简体中文'}).click();
  await expect(page).toHaveURL(/\/zh-Hans\/docs\/intro$/);
  await expect(page.getByRole('heading', {level: 1})).toHaveText('概述');

  await page.getByRole('button', {name: '简体中文'}).hover();
  await page.getByRole('link', {name: 'English'}).click();
  await expect(page).toHaveURL(/\/docs\/intro$/);
  expect(new URL(page.url()).pathname).toBe('/docs/intro');
  await expect(page.getByRole('heading', {level: 1})).toHaveText('Overview');
});

test('the Chinese guide keeps the anchors of the English one', async ({page}) => {
  await page.goto(`/zh-Hans${GUIDE}`);
  await expect(page.getByRole('heading', {level: 1})).toHaveText('个人访问令牌');
  for (const id of ['try-it', 'when-the-portal-asks-for-a-second-factor', 'when-sign-in-fails']) {
    await expect(page.locator(`h2#${id}, h3#${id}`)).toHaveCount(1);
  }
});

test('a missing Chinese page answers 404 with the Chinese 404 page', async ({page}) => {
  const response = await page.goto('/zh-Hans/docs/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', {level: 1})).toHaveText('找不到页面');
});

test('search on the Chinese site finds the guide by a Chinese word', async ({page}) => {
  await openHydrated(page, '/zh-Hans');
  // The search plugin hard-codes aria-label="Search"; its placeholder is translated.
  await page.getByPlaceholder('搜索').fill('令牌');
  const hit = page.getByRole('option').filter({hasText: '个人访问令牌'}).first();
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/zh-Hans${GUIDE}$`));
});

describeAxeChecks(
  'axe-core on the Chinese site',
  {'home page': '/zh-Hans', overview: '/zh-Hans/docs/intro', guide: `/zh-Hans${GUIDE}`},
  openHydrated,
);
