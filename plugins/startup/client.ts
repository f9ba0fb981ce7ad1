/**
 * The start-up theme's client module: the page's first commit ends its hydration from the server's
 * HTML (Docusaurus calls `onRouteDidUpdate` in a layout effect of it), so components rendered
 * after it render everything (./keepServerHtml.ts).
 */
import {pageHydrated} from './keepServerHtml';

export function onRouteDidUpdate(): void {
  pageHydrated();
}
