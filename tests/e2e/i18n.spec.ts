import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {startSandbox} from '../../servers/sandbox/node';
import {GUIDE, MASK, describeAxeChecks, openHydrated} from './support';

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

test.describe('the try-it panel on the Chinese guide', () => {
  const widget = (page: Page) => page.getByRole('region', {name: '试用：从您的门户获取令牌'});

  async function openChineseGuide(page: Page): Promise<void> {
    await page.goto(`/zh-Hans${GUIDE}`);
    // The widget's chunk loads after the page: allow for a busy machine.
    await expect(page.getByRole('button', {name: '获取令牌', exact: true})).toBeVisible({timeout: 15_000});
  }

  async function signIn(page: Page, userName: string, {portal = sandboxUrl, password = SANDBOX_PASSWORD} = {}): Promise<void> {
    await page.getByLabel('门户地址').fill(portal);
    await page.getByLabel('用户名').fill(userName);
    await page.getByLabel('密码', {exact: true}).fill(password);
    await page.getByRole('button', {name: '获取令牌', exact: true}).click();
  }

  test('happy path: the sandbox button, a masked token with its expiry in the zh-Hans format, then the profile', async ({page}) => {
    await openChineseGuide(page);
    await page.getByRole('button', {name: '使用沙盒门户'}).click();
    await expect(page.getByLabel('门户地址')).toHaveValue(sandboxUrl);
    await page.getByRole('button', {name: '获取令牌', exact: true}).click();

    const region = widget(page);
    await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();
    await expect(region.getByRole('status').first()).toHaveText('已收到令牌，其所属用户的个人资料见下方。');
    await expect(region.getByText(`令牌：${MASK}`)).toBeVisible();
    // Intl with the page's locale: "2027年8月13日 10:15" and "12个月后", not the English "in 12 months".
    await expect(region.getByText(/^它将于 \d{4}年\d{1,2}月\d{1,2}日 .+到期（12个月后）。$/)).toBeVisible();
    await expect(region.locator('dt', {hasText: '显示名称'})).toBeVisible();
    await expect(region.locator('dd', {hasText: /^(所有者|管理员|房间管理员|用户|访客)$/})).toHaveCount(1);
    await expect(region.locator('dd', {hasText: /^正常/})).toHaveCount(1);
    await expect(region.getByText('HTTP 交互过程')).toBeVisible();
    await expect(region.getByRole('button', {name: '显示令牌'})).toBeVisible();
    await expect(region).not.toContainText('Get token');
  });

  test('a wrong password: the Chinese headline, the account of the call and the advice', async ({page}) => {
    // A sandbox of its own, so these refusals count towards no other test's lockout.
    const sandbox = await startSandbox({port: 0});
    try {
      await openChineseGuide(page);
      await signIn(page, 'demo', {portal: sandbox.url, password: 'wrong-password'});
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('用户名或密码错误（401）。');
      await expect(alert).toContainText(`POST ${sandbox.url}/api/2.0/authentication 返回了 401`);
      await expect(alert).toContainText('请检查两者（用户名通常是电子邮件地址）后重试。');
      await expect(alert).toContainText('一分钟内失败五次后，门户会将此登录名锁定一分钟');
      await expect(alert).not.toContainText('Wrong user name');
    } finally {
      await sandbox.close();
    }
  });

  test('an unusable address at its field, and a portal this site’s policy does not allow, in Chinese', async ({page}) => {
    const portal = await startSandbox({port: 0});
    // Outside the tests' CSP_EXTRA_ORIGINS (http://127.0.0.1:*): the same portal as localhost.
    const blocked = portal.url.replace('127.0.0.1', 'localhost');
    try {
      await openChineseGuide(page);
      await signIn(page, 'demo', {portal: 'ftp://portal.example.com'});
      await expect(page.getByLabel('门户地址')).toHaveAccessibleDescription('地址必须以 https:// 或 http:// 开头（也可以不写协议，此时表示 https://）。');
      await expect(page.getByLabel('密码', {exact: true})).toHaveValue(SANDBOX_PASSWORD);
      await signIn(page, 'demo', {portal: blocked});
      const alert = page.getByRole('alert');
      await expect(alert).toContainText(`本站的内容安全策略（Content-Security-Policy）阻止了对 ${blocked} 的调用。`);
      await expect(alert).toContainText(`CSP_EXTRA_ORIGINS=${blocked} npm run serve`);
      await expect(alert).not.toContainText('CORS 设置');
    } finally {
      await portal.close();
    }
  });

  test('the second factor: the Chinese SMS prompt, a code, then signed in', async ({page}) => {
    await openChineseGuide(page);
    await signIn(page, 'sms-2fa');
    const region = widget(page);
    await expect(region.getByText(/门户已通过短信将验证码发送至 \+1 \*\*\* \*\*\* 12 34。输入验证码即可获取令牌。/)).toBeVisible();
    await page.getByLabel('验证码').fill(SANDBOX_CODE);
    await page.getByRole('button', {name: '确认验证码'}).click();
    await expect(region.getByText('Simone Sms', {exact: true})).toBeVisible();
    await expect(region.getByText(/^它将于 .+到期（.+）。$/)).toBeVisible();
  });
});

describeAxeChecks(
  'axe-core on the Chinese site',
  {'home page': '/zh-Hans', overview: '/zh-Hans/docs/intro', guide: `/zh-Hans${GUIDE}`},
);
