/** What the try-it specs share: the guide, the widget, and a sign-in as a reader types it. */
import {createServer} from 'node:net';
import {expect, type Page} from '@playwright/test';
import {sandboxUrl} from '../../playwright.config';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';

export const GUIDE = '/docs/get-started/authentication/personal-access-tokens';
export const MASK = '••••••••';

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
