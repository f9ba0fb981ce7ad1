/**
 * The Chinese guide and overview say what the English ones say: the same listings and examples
 * (shared files, so comments stay as written), the same anchors for links into the page, the same
 * API reference links, and the same literal facts (status codes, dates, field names) in inline code.
 */
import {expect, test, type Page} from '@playwright/test';
import {GUIDE, waitForHydration} from './support';

const PAGES = [GUIDE, '/docs/intro'];

interface PageFacts {
  codeBlocks: string[];
  headingIds: string[];
  externalLinks: string[];
  inlineCode: string[];
}

async function factsOf(page: Page, path: string): Promise<PageFacts> {
  await page.goto(path);
  // ?lang= is applied once React has hydrated; Docusaurus marks <html> then.
  await waitForHydration(page);
  return page.locator('article').evaluate((article) => {
    const texts = (selector: string) => Array.from(article.querySelectorAll(selector), (node) => node.textContent ?? '');
    const unique = (values: string[]) => Array.from(new Set(values)).sort();
    return {
      codeBlocks: unique(texts('pre code')),
      headingIds: unique(Array.from(article.querySelectorAll('h2[id], h3[id]'), (heading) => heading.id)),
      externalLinks: unique(
        Array.from(article.querySelectorAll<HTMLAnchorElement>('a[href^="http"]'), (link) => link.href),
      ),
      inlineCode: unique(texts(':not(pre) > code')),
    };
  });
}

// The language tabs are lazy: only the chosen language's examples are in the page, so each is opened.
const VIEWS = [...PAGES, ...['node', 'python', 'csharp', 'php', 'java', 'go'].map((lang) => `${PAGES[0]}?lang=${lang}`)];

for (const path of VIEWS) {
  test(`${path} in Chinese holds the same listings, anchors, links and facts as in English`, async ({page}) => {
    const english = await factsOf(page, path);
    const chinese = await factsOf(page, `/zh-Hans${path}`);
    expect(english.headingIds.length).toBeGreaterThan(0);
    expect(chinese).toEqual(english);
  });
}
