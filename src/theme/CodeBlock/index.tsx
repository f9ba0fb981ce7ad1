/**
 * Swizzled (ejected: the remount is inside the component, a wrapper cannot remove it) only to drop
 * `key={String(isBrowser)}`, which threw every code block away and rebuilt it (and re-ran Prism)
 * right after hydration to fix its colours. Colours are now CSS per token type
 * (plugins/lazy-prism), so the server's tokens stay as they are. Otherwise as in theme-classic.
 */
import React, {isValidElement, type ReactNode} from 'react';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import type {Props} from '@theme/CodeBlock';

/** Plain string children when there are no elements, so the block can be highlighted and copied. */
function maybeStringifyChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((el) => isValidElement(el))) {
    return children;
  }
  return Array.isArray(children) ? children.join('') : (children as string);
}

export default function CodeBlock({children: rawChildren, ...props}: Props): ReactNode {
  const children = maybeStringifyChildren(rawChildren);
  const CodeBlockComp = typeof children === 'string' ? StringContent : ElementContent;
  return <CodeBlockComp {...props}>{children as string}</CodeBlockComp>;
}
