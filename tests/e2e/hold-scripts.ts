/** Holding a page's scripts back, so a test can use the server's HTML before it is hydrated. */
import type {Page} from '@playwright/test';

export const ANY_SCRIPT = /\/assets\/js\/.+\.js$/;
export const MAIN_SCRIPT = /\/assets\/js\/main\.[0-9a-f]+\.js$/;

/** Holds the scripts matching `pattern` from now on until the returned function is called. */
export async function holdScripts(page: Page, pattern: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
