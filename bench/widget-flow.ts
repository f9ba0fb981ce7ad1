/**
 * Time from clicking "Get token" to the profile on screen, against the same two fetch calls made
 * bare from the same page: what the widget itself adds to the two round trips.
 */
import type {Browser} from '@playwright/test';
import {median} from './servers';

export interface FlowTimes {
  widgetMs: number;
  bareFetchMs: number;
  runs: number;
}

const ACCOUNT = {userName: 'demo', password: 'demo-password', displayName: 'Dana Demo'};

export async function measureSignInFlow(browser: Browser, guideUrl: string, sandboxUrl: string, runs = 15): Promise<FlowTimes> {
  const page = await browser.newPage();
  const widget: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(guideUrl, {waitUntil: 'networkidle'});
    // The bundles start after the first paint: typing before React has hydrated would be lost.
    await page.locator('html[data-has-hydrated="true"]').waitFor({timeout: 30_000});
    await page.getByLabel('Portal address').fill(sandboxUrl);
    await page.getByLabel('User name').fill(ACCOUNT.userName);
    await page.getByLabel('Password', {exact: true}).fill(ACCOUNT.password);
    widget.push(await timeClickToText(page, 'Get token', ACCOUNT.displayName));
    bare.push(await timeBareFetches(page, sandboxUrl));
  }
  await page.close();
  return {widgetMs: median(widget), bareFetchMs: median(bare), runs};
}

/** Clicks the button inside the page and resolves when the text shows up, timed by the page's clock. */
async function timeClickToText(page: import('@playwright/test').Page, button: string, text: string): Promise<number> {
  const handle = await page.getByRole('button', {name: button, exact: true}).elementHandle();
  return page.evaluate(
    ([element, expected]) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        // A flow that never ends (the panel shows a failure instead) must stop the bench, not hang it.
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`"${expected}" did not appear within 30 s; the panel says: ${document.querySelector('[role="alert"]')?.textContent ?? '(no alert)'}`));
        }, 30_000);
        const observer = new MutationObserver(() => {
          if (document.body.innerText.includes(expected)) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, {subtree: true, childList: true, characterData: true});
        (element as HTMLElement).click();
      }),
    [handle, text] as const,
  );
}

async function timeBareFetches(page: import('@playwright/test').Page, sandboxUrl: string): Promise<number> {
  return page.evaluate(
    async ([portal, account]) => {
      const start = performance.now();
      const auth = await fetch(`${portal}/api/2.0/authentication`, {
        method: 'POST',
        credentials: 'omit',
        headers: {'Content-Type': 'application/json', Accept: 'application/json'},
        body: JSON.stringify({userName: account.userName, password: account.password}),
      });
      const {response} = (await auth.json()) as {response: {token: string}};
      const self = await fetch(`${portal}/api/2.0/people/@self`, {
        credentials: 'omit',
        headers: {Accept: 'application/json', Authorization: response.token},
      });
      await self.json();
      return performance.now() - start;
    },
    [sandboxUrl, ACCOUNT] as const,
  );
}
