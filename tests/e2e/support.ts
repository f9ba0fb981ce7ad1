/**
 * What the e2e specs share: a page opened once React has hydrated it, a code block's text as
 * rendered, the guide's try-it panel and a sign-in as a reader types it, and axe-core's checks.
 */
import {createServer} from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';

export const GUIDE = '/docs/get-started/authentication/personal-access-tokens';
export const MASK = '••••••••';

/**
 * Docusaurus marks <html> with data-has-hydrated="true" once React has hydrated, in every locale
 * and at every width (the colour toggle, enabled in the same render, is hidden in a phone's menu).
 * Clicks before that are lost. Hydrating the guide takes seconds on a busy machine: wait long.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', {timeout: 30_000});
}

export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
}

/** Docusaurus drops a code block's final newline when it renders and copies it. */
export function asRendered(source: string): string {
  return source.replace(/\n$/, '');
}

export async function openGuide(page: Page): Promise<void> {
  await page.goto(GUIDE);
  // The widget's chunk loads after the page: allow for a busy machine.
  await expect(page.getByRole('button', {name: 'Get token', exact: true})).toBeVisible({timeout: 15_000});
}

export async function signIn(page: Page, userName: string, {portal = sandboxUrl, password = SANDBOX_PASSWORD} = {}): Promise<void> {
  await page.getByLabel('Portal address').fill(portal);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password', {exact: true}).fill(password);
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
}

export const alert = (page: Page) => page.getByRole('alert');
export const widget = (page: Page) => page.getByRole('region', {name: /Try it/});

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** axe-core's violations on the page (or in `include`) as it is, one line each (rule id and the elements): [] when clean. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({page});
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** One test per page and colour scheme: the hydrated page in that scheme has no axe-core violations. */
export function describeAxeChecks(title: string, pages: Readonly<Record<string, string>>): void {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${title}, ${colorScheme} mode`, () => {
      test.use({colorScheme});

      for (const [name, path] of Object.entries(pages)) {
        test(`reports no violations on the ${name}`, async ({page}) => {
          // axe checks the contrast of every highlighted token: minutes, not seconds, on a loaded machine.
          test.setTimeout(180_000);
          await openHydrated(page, path);
          await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
          expect(await axeViolations(page)).toEqual([]);
        });
      }
    });
  }
}
