/**
 * Start-up wrapper (plugins/startup/UPGRADE.md): theme-classic's map (`@theme-init`), extended, so that the static prose of a page is not hydrated.
 *
 * React hydrates every element of a page, though most of a docs page is paragraphs, lists and
 * tables that never change once the server has rendered them. Here, a paragraph, list item,
 * ordered list, table or quote whose content holds nothing but text and inline markup (code,
 * links, emphasis) keeps the server's nodes on hydration: React hydrates the block's own element
 * and nothing inside it (../../keepServerHtml.ts). Anything that moves (tabs, code blocks
 * with their buttons, the examples that follow the reader's portal, the try-it panel, headings
 * with their anchors, admonitions) hydrates as before, and a block with such a part inside it
 * hydrates whole. A page the browser renders itself (a client-side navigation) renders every
 * block as usual. Links in kept prose are the server's `<a href>`: a click loads the page.
 */
import React, {isValidElement, type ComponentProps, type ComponentType, type ReactNode} from 'react';
import MDXComponents from '@theme-init/MDXComponents';
import {KEEP_SERVER_HTML, useKeptServerHtml} from '../../keepServerHtml';

type StaticTag = 'p' | 'ol' | 'table' | 'blockquote';

/** Components that render the same inline markup on the server and in the browser, whatever happens. */
const STATIC_COMPONENTS = new Set<unknown>([MDXComponents.code, MDXComponents.a, MDXComponents.img]);
/** Elements that do something in the browser: a block holding one is hydrated. */
const LIVE_TAGS = new Set(['button', 'input', 'select', 'textarea', 'details', 'iframe', 'video', 'audio', 'form']);

/** Whether `children` is text and inline markup only: what the server rendered is final. */
function isStatic(children: ReactNode): boolean {
  if (children === null || children === undefined || typeof children !== 'object') return true;
  if (Array.isArray(children)) return children.every(isStatic);
  if (!isValidElement<{children?: ReactNode}>(children)) return false;
  const {type} = children;
  const known = typeof type === 'string' ? !LIVE_TAGS.has(type) : STATIC_COMPONENTS.has(type) || KEPT_BLOCKS.has(type);
  return known && isStatic(children.props.children);
}

/** `tag` as MDX renders it, hydrated without its children when they are static. */
function keptBlock<Tag extends StaticTag>(tag: Tag): ComponentType<ComponentProps<Tag>> {
  function KeptBlock({children, ...props}: ComponentProps<Tag>): ReactNode {
    const [hydrating, ref] = useKeptServerHtml();
    const Tag = tag as unknown as ComponentType<Record<string, unknown>>;
    return hydrating && isStatic(children) ? <Tag {...props} {...KEEP_SERVER_HTML} ref={ref} /> : <Tag {...props}>{children}</Tag>;
  }
  KeptBlock.displayName = `Kept(${tag})`;
  return KeptBlock;
}

/** theme-classic's list item, hydrated without its children when they are static. */
function KeptListItem(props: ComponentProps<'li'>): ReactNode {
  const [hydrating, ref] = useKeptServerHtml();
  const ListItem = MDXComponents.li as ComponentType<ComponentProps<'li'>>;
  return hydrating && isStatic(props.children) ? <ListItem {...props} {...KEEP_SERVER_HTML} ref={ref} children={undefined} /> : <ListItem {...props} />;
}

const kept = {p: keptBlock('p'), ol: keptBlock('ol'), table: keptBlock('table'), blockquote: keptBlock('blockquote'), li: KeptListItem};
/** The kept blocks themselves are static content of an outer block (a paragraph in a list item). */
const KEPT_BLOCKS = new Set<unknown>(Object.values(kept));

export default {...MDXComponents, ...kept};
