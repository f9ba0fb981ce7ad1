import AxeBuilder from '@axe-core/playwright';
import {expect, test, type Page} from '@playwright/test';

/** axe-core's violations on the page as it is, one line each (rule id and the elements): [] when clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** One test per page and colour scheme: the hydrated page in that scheme has no axe-core violations. */
export function describeAxeChecks(
  title: string,
  pages: Readonly<Record<string, string>>,
  openHydrated: (page: Page, path: string) => Promise<void>,
): void {
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
