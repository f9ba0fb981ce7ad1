/**
 * The security headers of `npm run serve` in Chromium: the pages run under their Content-Security-Policy
 * with no console error and no violation, and the try-it widget still signs in to the sandbox.
 */
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';

const PAGES = [
  ['home', '/'],
  ['overview', '/docs/intro'],
  ['guide', '/docs/get-started/authentication/personal-access-tokens'],
] as const;

/** Collects console errors, page errors and CSP violations (reported in the page, where the console may not say). */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as {reportViolation(text: string): void}).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return problems;
}

for (const [name, path] of PAGES) {
  test(`${name}: served with the security headers, and runs with no console error or CSP violation`, async ({page}) => {
    const problems = await watchForProblems(page);
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['permissions-policy']).toBeTruthy();
    // Hydrated: the colour-mode toggle works only once the inline and bundled scripts have run.
    await page.getByRole('button', {name: /Switch between dark and light mode/}).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', /dark|light/);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
}

test('the CSP really is enforced: an inline script the build did not write is blocked', async ({page}) => {
  const problems = await watchForProblems(page);
  await page.goto('/docs/intro');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as {injected?: boolean}).injected === true;
  });
  expect(ran).toBe(false);
  expect(problems.some((line) => line.startsWith('CSP: script-src'))).toBe(true);
});

test('under the CSP the widget signs in to the sandbox and shows its avatar, with no violation', async ({page}) => {
  const problems = await watchForProblems(page);
  await page.goto('/docs/get-started/authentication/personal-access-tokens');
  await page.getByRole('button', {name: 'Use the sandbox portal'}).click({timeout: 15_000});
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
  const region = page.getByRole('region', {name: /Try it/});
  await expect(region.getByText('Dana Demo', {exact: true})).toBeVisible();
  const avatar = region.locator('img');
  await expect(avatar).toHaveAttribute('src', new RegExp(`^${sandboxUrl}/`));
  await expect.poll(() => avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  expect(problems).toEqual([]);
});
