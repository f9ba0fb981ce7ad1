/**
 * What the e2e specs share: a page opened once React has hydrated it, a code block's text as
 * rendered, the guide's try-it panel and a sign-in as a reader types it, and axe-core's checks.
 */
import {createServer} from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Locator, type Page} from '@playwright/test';
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
  // Once the portal answered with a token or a second-factor step, the form is one line: Change opens it.
  const change = widget(page).getByRole('button', {name: 'Change', exact: true});
  if (await change.isVisible()) await change.click();
  await page.getByLabel('Portal address').fill(portal);
  await page.getByLabel('User name').fill(userName);
  await page.getByLabel('Password', {exact: true}).fill(password);
  await page.getByRole('button', {name: 'Get token', exact: true}).click();
}

/** The guide's sections that hold tab groups of the example programs, by their headings' ids (the same in both locales). */
export const GUIDE_SECTIONS = {keyPrograms: 'make-and-use-a-key-from-a-program', examples: 'examples'} as const;

/**
 * The guide's tab groups that have a tab named `tab` (the languages: 'Python'; the shells:
 * 'PowerShell') from a section's heading on, in page order. After `examples`, the languages'
 * are "Get a token" then "Call the API"; after `keyPrograms`, the key commands' comes first.
 */
export function tabGroupsAfter(page: Page, section: keyof typeof GUIDE_SECTIONS, tab: string): Locator {
  return page.locator(`article [id="${GUIDE_SECTIONS[section]}"] ~ .tabs-container`).filter({has: page.getByRole('tab', {name: tab, exact: true})});
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

/** The states beyond a page at rest that the axe runs cover (tests/e2e/axe-states.spec.ts). */
export const AXE_STATES = {
  /** The navbar's search dropdown open with hits, the first selected (as it is while the reader types). */
  async searchResultsOpen(page: Page, query: string): Promise<void> {
    await page.locator('input.navbar__search-input').fill(query);
    await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  },
  /** The try-it panel signed in as the sandbox's demo, so the form is folded to one line (labels in the page's locale). */
  async panelFolded(page: Page, labels: {portal: string; userName: string; password: string; getToken: string}): Promise<void> {
    await page.getByLabel(labels.portal, {exact: true}).fill(sandboxUrl);
    await page.getByLabel(labels.userName, {exact: true}).fill('demo');
    await page.getByLabel(labels.password, {exact: true}).fill(SANDBOX_PASSWORD);
    await page.getByRole('button', {name: labels.getToken, exact: true}).click();
    await expect(page.locator('section[aria-label]').getByText('Dana Demo', {exact: true})).toBeVisible({timeout: 15_000});
    await expect(page.getByLabel(labels.portal, {exact: true})).toHaveCount(0);
  },
  /** The try-it panel waiting on a portal that answers late: its Cancel button is showing. */
  async panelWaiting(page: Page, cancel: string): Promise<void> {
    await expect(page.getByRole('button', {name: cancel})).toBeVisible({timeout: 15_000});
  },
};

/** WCAG's contrast ratio of two CSS colours `rgb(r, g, b)` (alpha ignored: the callers pass opaque ones). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
      const c = Number(channel) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The focused element's ring as drawn: its colour, width and style, and the colours on its two
 * sides (outside: the nearest opaque background around the element; inside: the element's own
 * background, or the same as outside when the ring stands off the element).
 */
export async function focusRing(page: Page): Promise<{element: string; style: string; width: number; ring: string; outside: string; inside: string}> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const opaque = (node: Element | null): string => {
      for (let at = node; at; at = at.parentElement) {
        const color = getComputedStyle(at).backgroundColor;
        if (!/rgba\(.*, 0\)$|transparent/.test(color)) return color;
      }
      return 'rgb(255, 255, 255)';
    };
    const style = getComputedStyle(element);
    const outside = opaque(element.parentElement);
    const standsOff = parseFloat(style.outlineOffset) >= 1;
    return {
      element: element.outerHTML.slice(0, 80),
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      ring: style.outlineColor,
      outside,
      inside: standsOff ? outside : opaque(element),
    };
  });
}
